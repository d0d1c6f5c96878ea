import { crc32, inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

/**
 * A bounded reader for the cell values of an uploaded .xlsx workbook: the ZIP container and the few XML
 * parts that hold sheet names, shared strings and cells, nothing else.
 *
 * Why not ExcelJS, which writes our workbooks: its reader trusts the file. A few hundred bytes of XML can
 * make it loop billions of times (`<col min="1" max="1000000000">`, a merged range or a data validation
 * over a whole sheet, which it expands cell by cell), and it inflates every part without a bound. Here
 * every size is checked before and while inflating, and only cell values are read, so the work is
 * proportional to the bytes actually in the file.
 */

export const WORKBOOK_LIMITS = {
  /** Entries in the ZIP container; Excel writes a dozen or two. */
  entries: 2_000,
  /** What all entries may unpack to, as declared and as actually inflated. */
  unpackedBytes: 64 * 1024 * 1024,
  /** Rows with content in one sheet, the header included. */
  rows: 20_001,
  /** Columns read; cells further right are ignored. */
  columns: 100,
} as const;

/** Why a file is not read; each maps to an error the person can act on. */
export type WorkbookProblem =
  | { kind: 'not-zip'; oldExcel: boolean }
  | { kind: 'not-xlsx' }
  | { kind: 'encrypted' }
  | { kind: 'malformed'; detail: string }
  | { kind: 'too-big'; limit: number }
  | { kind: 'too-many-rows'; sheet: string; limit: number };

export class WorkbookRefused extends Error {
  constructor(readonly problem: WorkbookProblem) {
    super(`workbook refused: ${problem.kind}${'detail' in problem ? ` (${problem.detail})` : ''}`);
  }
}

/** A cell's value as stored: text, a number, a boolean, or an error such as `#N/A` (kept apart from text). */
export type CellValue = string | number | boolean | { error: string };

export interface SheetCells {
  name: string;
  /** Rows by 1-based row number; each row maps 1-based column numbers to values. Empty cells are absent. */
  rows: Map<number, Map<number, CellValue>>;
}

function refuse(problem: WorkbookProblem): never {
  throw new WorkbookRefused(problem);
}

function malformed(detail: string): never {
  throw new WorkbookRefused({ kind: 'malformed', detail });
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
/** The compound-file header of .xls and of password-protected .xlsx (both OLE2 containers). */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** True when the bytes begin like a ZIP archive (every .xlsx is one). */
export const looksLikeZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP_LOCAL;
export const looksLikeOldExcel = (bytes: Buffer) => bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2);

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The central directory: names, methods and declared sizes, checked against the limits before anything is inflated. */
function readCentralDirectory(bytes: Buffer): Map<string, ZipEntry> {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) malformed('no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 and multi-disk archives mark their fields with all ones; a 5 MB spreadsheet never needs them.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || bytes.readUInt16LE(end + 4) !== 0) {
    malformed('zip64 or multi-disk archive');
  }
  if (count > WORKBOOK_LIMITS.entries) refuse({ kind: 'too-big', limit: WORKBOOK_LIMITS.unpackedBytes });
  if (offset + size > end) malformed('central directory outside the file');
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== ZIP_CENTRAL) malformed('broken central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.flags & 0x1) refuse({ kind: 'encrypted' });
    if (entries.has(entry.name)) malformed(`duplicate entry ${entry.name}`);
    declared += entry.size;
    if (declared > WORKBOOK_LIMITS.unpackedBytes) refuse({ kind: 'too-big', limit: WORKBOOK_LIMITS.unpackedBytes });
    entries.set(entry.name, entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

const inflate = promisify(inflateRaw);

/** One entry's bytes, never more than it declared (a lying size is a damaged or hostile file), with its CRC checked. */
async function readEntry(bytes: Buffer, entry: ZipEntry): Promise<Buffer> {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== ZIP_LOCAL) malformed(`no local header for ${entry.name}`);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + entry.compressedSize > bytes.length) malformed(`${entry.name} runs past the end`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      // One byte of room, so that more output than declared is detected rather than silently cut.
      out = await inflate(data, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch {
      return malformed(`${entry.name} does not inflate to its declared size`);
    }
  } else {
    return malformed(`${entry.name} uses compression method ${entry.method}`);
  }
  if (out.length !== entry.size) malformed(`${entry.name} is not its declared size`);
  if (crc32(out) >>> 0 !== entry.crc >>> 0) malformed(`${entry.name} fails its checksum`);
  return out;
}

// ---- XML --------------------------------------------------------------------------------------------

/** An element name with any namespace prefix (`row`, `x:row`). */
const tag = (name: string) => `<(?:[A-Za-z_][\\w.-]*:)?${name}\\b`;
const closing = (name: string) => `<\\/(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`;
/** Elements `<name …/>` or `<name …>inner</name>`: attributes in group 1, inner XML in group 2. */
const elements = (name: string) => new RegExp(`${tag(name)}([^>]*?)(?:\\/>|>([\\s\\S]*?)${closing(name)})`, 'g');

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return (
    text
      .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
        if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
        return ENTITIES[name] ?? whole;
      })
      // OOXML writes characters XML cannot carry as _xHHHH_ (ECMA-376 Part 1, §22.9.2.19).
      .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  );
}

/** The text of a string item: its `<t>` runs in order, leaving out phonetic guides (`<rPh>`). */
function runText(xml: string): string {
  const visible = xml.replace(new RegExp(`${tag('rPh')}[\\s\\S]*?${closing('rPh')}`, 'g'), '');
  let out = '';
  for (const m of visible.matchAll(elements('t'))) out += decodeXml(m[2] ?? '');
  return out;
}

function xmlText(bytes: Buffer, name: string): string {
  const text = bytes.toString('utf8');
  // No document type declarations: they are how entity-expansion bombs start, and spreadsheets never use them.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) malformed(`${name} declares a document type`);
  return text;
}

/** `AB12` → column 28, row 12. */
function cellRef(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

function columnOf(ref: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

function cellValue(attributes: string, inner: string, shared: readonly string[]): CellValue | undefined {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = new RegExp(`${tag('is')}[^>]*>([\\s\\S]*?)${closing('is')}`).exec(inner);
    return is ? runText(is[1]!) : undefined;
  }
  const v = new RegExp(`${tag('v')}[^>]*>([\\s\\S]*?)${closing('v')}`).exec(inner);
  if (!v) return undefined;
  const raw = decodeXml(v[1]!);
  switch (type) {
    case 's': {
      const index = Number(raw);
      if (!Number.isInteger(index) || index < 0 || index >= shared.length) malformed('a cell points at a missing shared string');
      return shared[index]!;
    }
    case 'str':
      return raw;
    case 'b':
      return raw === '1' || raw.toLowerCase() === 'true';
    case 'e':
      return { error: raw };
    case 'd':
      return raw;
    default: {
      const n = Number(raw);
      return Number.isFinite(n) && raw.trim() !== '' ? n : raw;
    }
  }
}

function readSheet(name: string, xml: string, shared: readonly string[]): SheetCells {
  const rows = new Map<number, Map<number, CellValue>>();
  const data = new RegExp(`${tag('sheetData')}[^>]*>([\\s\\S]*?)${closing('sheetData')}`).exec(xml)?.[1] ?? '';
  let nextRow = 1;
  for (const row of data.matchAll(elements('row'))) {
    const r = attribute(row[1]!, 'r');
    const rowNumber = r === undefined ? nextRow : Number(r);
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > 1_048_576) malformed(`row number ${r ?? ''} in ${name}`);
    nextRow = rowNumber + 1;
    const cells = new Map<number, CellValue>();
    let nextColumn = 1;
    for (const cell of (row[2] ?? '').matchAll(elements('c'))) {
      const ref = attribute(cell[1]!, 'r');
      const column = ref === undefined ? nextColumn : (cellRef(ref)?.column ?? columnOf(ref));
      if (column === undefined || column < 1 || column > 16_384) malformed(`cell reference ${ref ?? ''} in ${name}`);
      nextColumn = column + 1;
      if (column > WORKBOOK_LIMITS.columns) continue;
      const value = cellValue(cell[1]!, cell[2] ?? '', shared);
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
      cells.set(column, value);
    }
    if (cells.size === 0) continue;
    rows.set(rowNumber, cells);
    if (rows.size > WORKBOOK_LIMITS.rows) refuse({ kind: 'too-many-rows', sheet: name, limit: WORKBOOK_LIMITS.rows - 1 });
  }
  return { name, rows };
}

/** Resolves a relationship target against the part that holds the relationship (`xl/workbook.xml`). */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(elements('Relationship'))].map((m) => ({
    id: attribute(m[1]!, 'Id') ?? '',
    type: attribute(m[1]!, 'Type') ?? '',
    target: attribute(m[1]!, 'Target') ?? '',
  }));
}

/**
 * Reads the named sheets of an .xlsx workbook (all of them when `wanted` is omitted). Refuses, with a
 * `WorkbookRefused` naming the problem, anything that is not a readable, unencrypted workbook within the limits.
 */
export async function readWorkbook(bytes: Buffer, wanted?: readonly string[]): Promise<Map<string, SheetCells>> {
  if (!looksLikeZip(bytes)) refuse({ kind: 'not-zip', oldExcel: looksLikeOldExcel(bytes) });
  const entries = readCentralDirectory(bytes);
  const part = async (name: string) => {
    const entry = entries.get(name);
    return entry ? xmlText(await readEntry(bytes, entry), name) : undefined;
  };

  const contentTypes = await part('[Content_Types].xml');
  if (contentTypes === undefined || !/spreadsheetml/i.test(contentTypes)) refuse({ kind: 'not-xlsx' });
  const rootRels = await part('_rels/.rels');
  const office = rootRels && relationships(rootRels).find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const workbook = await part(workbookPath);
  if (workbook === undefined) return refuse({ kind: 'not-xlsx' });
  const relsPath = resolveTarget(workbookPath, `_rels/${workbookPath.split('/').pop()!}.rels`);
  const rels = relationships((await part(relsPath)) ?? '');

  const sharedRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sharedXml = sharedRel ? await part(resolveTarget(workbookPath, sharedRel.target)) : undefined;
  const shared = sharedXml ? [...sharedXml.matchAll(elements('si'))].map((m) => runText(m[2] ?? '')) : [];

  const sheets = new Map<string, SheetCells>();
  for (const sheet of workbook.matchAll(elements('sheet'))) {
    const name = attribute(sheet[1]!, 'name');
    const id = attribute(sheet[1]!, 'id');
    if (name === undefined || id === undefined) malformed('a sheet without a name or relationship');
    if (wanted && !wanted.includes(name)) continue;
    const target = rels.find((r) => r.id === id);
    const xml = target ? await part(resolveTarget(workbookPath, target.target)) : undefined;
    if (xml === undefined) malformed(`sheet ${name} has no part`);
    sheets.set(name, readSheet(name, xml, shared));
  }
  return sheets;
}
