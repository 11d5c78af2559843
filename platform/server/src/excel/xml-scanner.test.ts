import { describe, expect, it } from 'vitest';
import { AppError } from '@kechuang/platform-core';
import { XmlScanner, type XmlAttrs } from './xml-scanner.ts';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Every event, consecutive text pieces joined, with text captured everywhere. */
function events(chunks: Buffer[]): Event[] {
  const out: Event[] = [];
  const scanner = new XmlScanner({
    capturing: true,
    open: (name: string, attrs: XmlAttrs) => out.push(['open', name, { ...attrs }]),
    close: (name: string) => out.push(['close', name]),
    text: (text: string) => {
      const last = out.at(-1);
      if (last?.[0] === 'text') last[1] += text;
      else out.push(['text', text]);
    },
  });
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return out;
}

const SAMPLE = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a comment with <tags> -->' +
    '<x:sst xmlns:x="urn:x" count=\'2\'><x:si><x:t xml:space="preserve">甲 &amp; 乙\r\n&#x4E2D;&#20013;&lt;&gt;&quot;&apos;</x:t></x:si>' +
    '<si><t><![CDATA[<b>&amp;</b>]]></t><rPh sb="0"><t>かな</t></rPh></si><empty a="x>y" b = "1"/></x:sst>',
);

describe('XmlScanner', () => {
  it('reads elements, attributes, entities, CDATA and line ends as an XML parser does, dropping namespace prefixes', () => {
    expect(events([SAMPLE])).toEqual([
      ['text', '\n'],
      ['open', 'sst', { 'xmlns:x': 'urn:x', count: '2' }],
      ['open', 'si', {}],
      ['open', 't', { 'xml:space': 'preserve' }],
      ['text', '甲 & 乙\n中中<>"\''],
      ['close', 't'],
      ['close', 'si'],
      ['open', 'si', {}],
      ['open', 't', {}],
      ['text', '<b>&amp;</b>'],
      ['close', 't'],
      ['open', 'rPh', { sb: '0' }],
      ['open', 't', {}],
      ['text', 'かな'],
      ['close', 't'],
      ['close', 'rPh'],
      ['close', 'si'],
      ['open', 'empty', { a: 'x>y', b: '1' }],
      ['close', 'empty'],
      ['close', 'sst'],
    ]);
  });

  it('gives the same events whatever the chunk boundaries, down to one byte (split tags, entities, UTF-8 characters, CR LF)', () => {
    const whole = events([SAMPLE]);
    const bytes = Array.from({ length: SAMPLE.length }, (_, i) => SAMPLE.subarray(i, i + 1));
    expect(events(bytes)).toEqual(whole);
    for (const size of [2, 3, 7, 64]) {
      const chunks = Array.from({ length: Math.ceil(SAMPLE.length / size) }, (_, i) => SAMPLE.subarray(i * size, (i + 1) * size));
      expect(events(chunks)).toEqual(whole);
    }
  });

  it.each([
    ['a DTD (entity expansion)', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'IMPORT_UNREADABLE'],
    ['an undefined entity', '<x>&nbsp;</x>', 'IMPORT_UNREADABLE'],
    ['a truncated tag', '<x><y a="1"', 'IMPORT_UNREADABLE'],
    ['a tag of over a million characters', `<x a="${'a'.repeat(1_100_000)}"/>`, 'IMPORT_TOO_LARGE'],
  ])('refuses %s', (_, xml, code) => {
    const chunks = [Buffer.from(xml)].flatMap((b) => Array.from({ length: Math.ceil(b.length / 65536) }, (_, i) => b.subarray(i * 65536, (i + 1) * 65536)));
    let error: unknown;
    try {
      events(chunks);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  });

  it('keeps no text it is not asked for, so a huge text node costs nothing when not captured', () => {
    let texts = 0;
    const scanner = new XmlScanner({ capturing: false, open: () => undefined, close: () => undefined, text: () => texts++ });
    scanner.write(Buffer.from('<x>'));
    for (let i = 0; i < 64; i++) scanner.write(Buffer.alloc(65536, 'a'));
    scanner.write(Buffer.from('</x>'));
    scanner.end();
    expect(texts).toBe(0);
  });
});
