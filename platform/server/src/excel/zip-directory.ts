/**
 * The zip container of an .xlsx, read by hand (APPNOTE.TXT 6.3, §4.3): the central directory is checked
 * — entry count, worksheet count, the declared uncompressed size of every entry — before a byte is
 * inflated, and entries are then inflated as streams whose running total is bounded, because declared
 * sizes can lie.
 */
import zlib from 'node:zlib';
import { AppError } from '@kechuang/platform-core';
import { entriesTooMany, inflatedTooLarge, InflateBudget, MAX_WORKSHEETS, MAX_ZIP_ENTRIES, sheetsTooMany, unreadable, type ReadLimits } from './read-limits.ts';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  compressedSize: number;
  /** as declared in the central directory: a bound to check, not a fact */
  declaredSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const NOT_A_WORKBOOK = '文件不是有效的 .xlsx 工作簿';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const CHUNK = 64 * 1024;

/** An opened workbook container: its directory, and one inflation budget for everything read from it. */
export class ZipArchive {
  readonly entries: Map<string, ZipEntry>;
  readonly budget: InflateBudget;

  constructor(
    private readonly data: Buffer,
    limits: ReadLimits,
  ) {
    const entries = readCentralDirectory(data);
    const sheets = entries.filter((e) => WORKSHEET.test(e.name)).length;
    if (sheets > MAX_WORKSHEETS) throw sheetsTooMany(sheets);
    const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
    if (declared > limits.maxInflatedBytes) throw inflatedTooLarge(limits);
    this.entries = new Map(entries.map((e) => [e.name, e]));
    this.budget = new InflateBudget(limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes as they inflate, chunk by chunk; stops with IMPORT_TOO_LARGE once the upload's total passes its bound. */
  async *inflate(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) return;
    const raw = this.compressedBytes(entry);
    if (entry.method === 0) {
      for (let i = 0; i < raw.length; i += CHUNK) {
        const chunk = raw.subarray(i, i + CHUNK);
        this.budget.take(chunk.length);
        yield chunk;
      }
      return;
    }
    if (entry.method !== 8) throw unreadable(`不支持的压缩方式（${entry.method}）：${name}`);
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    inflater.end(raw);
    try {
      // the stream inflates only as fast as it is read, so nothing beyond the bound is ever inflated
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        this.budget.take(chunk.length);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw unreadable(`无法解压 ${name}：${(e as Error).message}`);
    } finally {
      inflater.destroy();
    }
  }

  private compressedBytes(entry: ZipEntry): Buffer {
    const at = entry.localOffset;
    if (at + 30 > this.data.length || this.data.readUInt32LE(at) !== SIG_LOCAL) throw unreadable(NOT_A_WORKBOOK);
    if (entry.flags & 1) throw unreadable('工作簿已加密，请取消密码后再导入');
    const start = at + 30 + this.data.readUInt16LE(at + 26) + this.data.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.data.length) throw unreadable(NOT_A_WORKBOOK);
    return this.data.subarray(start, end);
  }
}

/** The entries listed in the central directory (zip64 included), checked against the buffer's bounds. */
export function readCentralDirectory(data: Buffer): ZipEntry[] {
  const eocd = findEndOfDirectory(data);
  let count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = readZip64End(data, eocd));
  if (count > MAX_ZIP_ENTRIES) throw entriesTooMany(count);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== SIG_CENTRAL) throw unreadable(NOT_A_WORKBOOK);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > data.length) throw unreadable(NOT_A_WORKBOOK);
    const entry: ZipEntry = {
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      flags: data.readUInt16LE(p + 8),
      compressedSize: data.readUInt32LE(p + 20),
      declaredSize: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p = next;
  }
  return entries;
}

function findEndOfDirectory(data: Buffer): number {
  // the record is 22 bytes plus a comment of at most 65,535
  for (let p = data.length - 22; p >= Math.max(0, data.length - 22 - 0xffff); p--) {
    if (data.readUInt32LE(p) === SIG_EOCD) return p;
  }
  throw unreadable(NOT_A_WORKBOOK);
}

function readZip64End(data: Buffer, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || data.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) {
    // 65,535 entries without a zip64 record: a full classic directory
    if (data.readUInt16LE(eocd + 10) === 0xffff) throw entriesTooMany(0xffff);
    throw unreadable(NOT_A_WORKBOOK);
  }
  const at = readUInt64(data, locator + 8);
  if (at + 56 > data.length || data.readUInt32LE(at) !== SIG_ZIP64_EOCD) throw unreadable(NOT_A_WORKBOOK);
  return { count: readUInt64(data, at + 32), offset: readUInt64(data, at + 48) };
}

/** APPNOTE 4.5.3: the zip64 extra field holds, in this order, whichever 32-bit fields were saturated. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const saturated = entry.declaredSize === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff;
  if (!saturated) return;
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const field = () => {
        if (q + 8 > p + 4 + size || q + 8 > extra.length) throw unreadable(NOT_A_WORKBOOK);
        const v = readUInt64(extra, q);
        q += 8;
        return v;
      };
      if (entry.declaredSize === 0xffffffff) entry.declaredSize = field();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = field();
      if (entry.localOffset === 0xffffffff) entry.localOffset = field();
      return;
    }
    p += 4 + size;
  }
  throw unreadable(NOT_A_WORKBOOK);
}

/** A 64-bit size as a number: beyond 2^53 it is no longer exact, and far beyond any limit anyway. */
function readUInt64(data: Buffer, at: number): number {
  if (at < 0 || at + 8 > data.length) throw unreadable(NOT_A_WORKBOOK);
  return Number(data.readBigUInt64LE(at));
}
