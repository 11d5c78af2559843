/**
 * A streaming XML tokenizer for the parts of an .xlsx: elements, attributes, text and CDATA, with the
 * predefined and numeric entities (XML 1.0 §4.6). It keeps at most one tag or text fragment between
 * chunks, so a part of any size is read in constant memory; a DTD is refused (no entity expansion).
 */
import type { AppError } from '@kechuang/platform-core';
import { MAX_NODE_CHARS, nodeTooLarge, unreadable } from './read-limits.ts';

export type XmlAttrs = Readonly<Record<string, string>>;

export interface XmlSink {
  /** `name` is the element's local name (a namespace prefix dropped); attributes keep their qualified names. A self-closing element is an open then a close. */
  open(name: string, attrs: XmlAttrs): void;
  close(name: string): void;
  /** text and CDATA with entities decoded, possibly in several pieces; delivered only while `capturing` is true */
  text(text: string): void;
  readonly capturing: boolean;
  /**
   * Optional fast path: a sink that knows an element by heart may read it whole straight from the text, its
   * start tag's '<' at `at`, and answer the index just after it, or -1 to leave it to the scanner. It reads
   * only what is complete in `buf` and needs no decoding, so the events it stands for are the ones the
   * scanner would have given.
   */
  element?(buf: string, at: number): number;
}

export async function scanXml(chunks: AsyncIterable<Buffer>, sink: XmlSink): Promise<void> {
  const scanner = new XmlScanner(sink);
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
}

const EMPTY: XmlAttrs = Object.freeze({});
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z]+));/g;
const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);
const INCOMPLETE = -1;

export class XmlScanner {
  private rest = '';
  private decoder: TextDecoder | null = null;

  constructor(private readonly sink: XmlSink) {}

  write(chunk: Buffer): void {
    this.decoder ??= new TextDecoder(encodingOf(chunk));
    this.feed(this.decoder.decode(chunk, { stream: true }), false);
  }

  end(): void {
    this.feed(this.decoder?.decode() ?? '', true);
  }

  private feed(input: string, final: boolean): void {
    const buf = this.rest.length > 0 ? this.rest + input : input;
    let i = 0;
    while (i < buf.length) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        i = this.trailingText(buf, i, final);
        break;
      }
      if (lt > i && this.sink.capturing) this.sink.text(decode(buf.slice(i, lt)));
      const read = this.sink.element === undefined ? -1 : this.sink.element(buf, lt);
      const next = read >= 0 ? read : this.markup(buf, lt, final);
      if (next === INCOMPLETE) {
        i = lt;
        break;
      }
      if (next - lt > MAX_NODE_CHARS) throw nodeTooLarge();
      i = next;
    }
    this.rest = i < buf.length ? buf.slice(i) : '';
    if (this.rest.length > MAX_NODE_CHARS) throw nodeTooLarge();
  }

  /** Text up to the end of what has arrived: delivered, except an entity or a CR/LF pair the next chunk may complete. */
  private trailingText(buf: string, from: number, final: boolean): number {
    if (!this.sink.capturing) return buf.length;
    let end = buf.length;
    if (!final) {
      const amp = buf.lastIndexOf('&');
      if (amp >= from && buf.indexOf(';', amp) < 0) end = amp;
      if (end > from && buf.charCodeAt(end - 1) === 13) end--;
    }
    if (end > from) this.sink.text(decode(buf.slice(from, end)));
    return end;
  }

  private markup(buf: string, lt: number, final: boolean): number {
    const c = buf.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return incomplete(final);
    if (c === 47) {
      // </name>
      const gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return incomplete(final);
      this.sink.close(localName(buf.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    if (c === 63) return skipPast(buf, '?>', lt + 2, final);
    if (c === 33) {
      if (buf.length - lt < 9 && !final) return INCOMPLETE;
      if (buf.startsWith('<!--', lt)) return skipPast(buf, '-->', lt + 4, final);
      if (buf.startsWith('<![CDATA[', lt)) {
        const end = buf.indexOf(']]>', lt + 9);
        if (end < 0) return incomplete(final);
        if (this.sink.capturing) this.sink.text(buf.slice(lt + 9, end));
        return end + 3;
      }
      throw unreadable('工作簿的 XML 含不支持的声明（如 DTD）');
    }
    return this.openTag(buf, lt, final);
  }

  /** `<name attr="value" …>` or `<name …/>`, read attribute by attribute so a '>' inside a quoted value is no end. */
  private openTag(buf: string, lt: number, final: boolean): number {
    const n = buf.length;
    let k = lt + 1;
    while (k < n) {
      const c = buf.charCodeAt(k);
      if (c === 62 || c === 47 || isSpace(c)) break;
      k++;
    }
    if (k >= n) return incomplete(final);
    const name = localName(buf.slice(lt + 1, k));
    if (name === '') throw malformed();
    let attrs: Record<string, string> | null = null;
    for (;;) {
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return incomplete(final);
      const c = buf.charCodeAt(k);
      if (c === 62 || c === 47) {
        if (c === 47 && k + 1 >= n) return incomplete(final);
        if (c === 47 && buf.charCodeAt(k + 1) !== 62) throw malformed();
        this.sink.open(name, attrs ?? EMPTY);
        if (c === 62) return k + 1;
        this.sink.close(name);
        return k + 2;
      }
      const eq = buf.indexOf('=', k);
      if (eq < 0) return incomplete(final);
      let q = eq + 1;
      while (q < n && isSpace(buf.charCodeAt(q))) q++;
      if (q >= n) return incomplete(final);
      const quote = buf.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw malformed();
      const endQuote = buf.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (endQuote < 0) return incomplete(final);
      // a plain object: every value is a string, so a key such as __proto__ cannot change its prototype
      attrs ??= {};
      attrs[buf.slice(k, eq).trimEnd()] = decode(buf.slice(q + 1, endQuote));
      k = endQuote + 1;
    }
  }
}

function malformed(): AppError {
  return unreadable('工作簿的 XML 格式有误');
}

function incomplete(final: boolean): number {
  if (final) throw unreadable('工作簿的 XML 不完整');
  return INCOMPLETE;
}

function skipPast(buf: string, terminator: string, from: number, final: boolean): number {
  const end = buf.indexOf(terminator, from);
  return end < 0 ? incomplete(final) : end + terminator.length;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Line ends normalised (XML 1.0 §2.11) and entities replaced; an undefined entity is refused, as an XML parser would. */
function decode(text: string): string {
  const s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const v = NAMED.get(name);
      if (v === undefined) throw unreadable(`工作簿的 XML 含未定义的实体 ${whole}`);
      return v;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    if (!(code > 0 && code <= 0x10ffff)) throw unreadable(`工作簿的 XML 含无效字符 ${whole}`);
    return String.fromCodePoint(code);
  });
}

function encodingOf(first: Buffer): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
