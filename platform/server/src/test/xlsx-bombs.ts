/**
 * Workbooks built byte by byte for tests: a zip writer whose directory may declare any size, and
 * decompression bombs of several shapes. A bomb's deflate stream is one small block compressed with a
 * full flush (which makes it independent of what precedes it) and repeated, then an empty final block,
 * so a gigabyte of inflated XML takes a few MB and a few milliseconds to build.
 */
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** the entry's text; deflated here unless `deflated` is given */
  text?: string;
  /** raw deflate bytes used as they are, with the inflated size they produce */
  deflated?: { bytes: Buffer; size: number };
  /** what the central directory declares as the uncompressed size (a lie, for a bomb); the true size by default */
  declaredSize?: number;
}

export const GB = 1024 * 1024 * 1024;

/**
 * A zip of the parts, in order. With `zip64`, the central directory saturates every size and offset
 * and gives them in zip64 extra fields, behind a zip64 end record (APPNOTE 4.3.14, 4.5.3), as writers
 * of large archives do.
 */
export function buildZip(parts: ZipPart[], opts: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const plain = part.text === undefined ? null : Buffer.from(part.text, 'utf8');
    const bytes = part.deflated?.bytes ?? zlib.deflateRawSync(plain ?? Buffer.alloc(0));
    const size = part.deflated?.size ?? plain?.length ?? 0;
    const crc = plain ? zlib.crc32(plain) : 0;
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const extra = opts.zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (opts.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(declared), 4);
      extra.writeBigUInt64LE(BigInt(bytes.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(opts.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(opts.zip64 ? 0xffffffff : bytes.length, 20);
    central.writeUInt32LE(opts.zip64 ? 0xffffffff : Math.min(declared, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name, extra);
    offset += local.length + name.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

/** Raw deflate of the pieces, each `text` repeated `times` times, without ever holding the inflated whole. */
export function repeatedDeflate(pieces: { text: string; times?: number }[]): { bytes: Buffer; size: number } {
  const out: Buffer[] = [];
  let size = 0;
  for (const { text, times = 1 } of pieces) {
    // one block of about 1 MB, compressed once and repeated
    const perBlock = Math.max(1, Math.min(times, Math.floor((1 << 20) / Math.max(1, Buffer.byteLength(text)))));
    const block = Buffer.from(text.repeat(perBlock), 'utf8');
    const compressed = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
    const whole = Math.floor(times / perBlock);
    for (let i = 0; i < whole; i++) out.push(compressed);
    size += whole * block.length;
    const left = times - whole * perBlock;
    if (left > 0) {
      const tail = Buffer.from(text.repeat(left), 'utf8');
      out.push(zlib.deflateRawSync(tail, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH }));
      size += tail.length;
    }
  }
  out.push(Buffer.from([0x03, 0x00])); // an empty final block
  return { bytes: Buffer.concat(out), size };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook has, for `sheets` sheets named sheet1.xml… in tab order. */
export function workbookParts(sheets = 1): ZipPart[] {
  const ids = Array.from({ length: sheets }, (_, i) => i + 1);
  return [
    {
      name: '[Content_Types].xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${ids.map((i) => `<sheet name="Sheet${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
  ];
}

/** A workbook of one sheet whose XML and shared strings are given. */
export function xlsxOf(sheetXml: string, sharedStrings?: string[]): Buffer {
  const sst = sharedStrings
    ? [{ name: 'xl/sharedStrings.xml', text: `<sst xmlns="${NS}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>` }]
    : [];
  return buildZip([...workbookParts(), ...sst, { name: 'xl/worksheets/sheet1.xml', text: sheetXml }]);
}

const BLANK_ROW = '<row r="2"><c r="A2" s="0"/></row>';
const FULL_ROW = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>';
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>地区代码</t></is></c></row>';

export type BombShape = 'one huge sheet' | 'many sheets' | 'huge shared strings' | 'lying directory' | 'lying directory, full rows';
export const BOMB_SHAPES: BombShape[] = ['one huge sheet', 'many sheets', 'huge shared strings', 'lying directory', 'lying directory, full rows'];

/**
 * An .xlsx of a few MB inflating to about `inflated` bytes (1 GB by default) in the given shape. The
 * "lying" ones declare 1 KB for the sheet in the central directory.
 */
export function xlsxBomb(shape: BombShape, inflated = GB): Buffer {
  const sheet = (row: string, bytes: number) =>
    repeatedDeflate([{ text: SHEET_HEAD + HEADER_ROW }, { text: row, times: Math.ceil(bytes / row.length) }, { text: SHEET_TAIL }]);
  switch (shape) {
    case 'one huge sheet':
      return buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: sheet(FULL_ROW, inflated) }]);
    case 'many sheets': {
      const count = 200;
      const one = sheet(BLANK_ROW, inflated / count);
      return buildZip([...workbookParts(count), ...Array.from({ length: count }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated: one }))]);
    }
    case 'huge shared strings': {
      const si = '<si><t>宁波甲科技股份有限公司</t></si>';
      const sst = repeatedDeflate([{ text: `<sst xmlns="${NS}">` }, { text: si, times: Math.ceil(inflated / Buffer.byteLength(si)) }, { text: '</sst>' }]);
      return buildZip([
        ...workbookParts(),
        { name: 'xl/sharedStrings.xml', deflated: sst },
        { name: 'xl/worksheets/sheet1.xml', text: SHEET_HEAD + HEADER_ROW + SHEET_TAIL },
      ]);
    }
    case 'lying directory':
      return buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: sheet(BLANK_ROW, inflated), declaredSize: 1024 }]);
    case 'lying directory, full rows':
      return buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: sheet(FULL_ROW, inflated), declaredSize: 1024 }]);
  }
}
