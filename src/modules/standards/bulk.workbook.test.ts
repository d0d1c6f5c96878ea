import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook, WORKBOOK_LIMITS, WorkbookRefused, type WorkbookProblem } from './bulk.workbook.js';

interface Entry {
  name: string;
  data: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** A size to declare instead of the real one, as a forged archive would. */
  declaredSize?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A ZIP archive built by hand, so a test can forge what a spreadsheet program never writes. */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const body = e.store ? data : deflateRawSync(data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data) >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(data) >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const WORKBOOK = `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Layanan" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHARED = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <si><t>Kode &amp; nama</t></si><si><r><t>Akta </t></r><r><rPr><b/></rPr><t xml:space="preserve">kelahiran</t></r><rPh><t>ignored</t></rPh></si></sst>`;

/** A workbook as another generator writes it: prefixed elements, shared and inline strings, cells without references. */
function handmade(sheetXml: string, extra: Entry[] = []): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: RELS },
    { name: 'xl/sharedStrings.xml', data: SHARED },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ]);
}

const sheet = (rows: string, before = '', after = '') =>
  `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<x:sheetData>${rows}</x:sheetData>${after}</x:worksheet>`;

async function refusalOf(bytes: Buffer): Promise<WorkbookProblem> {
  try {
    await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookRefused) return error.problem;
    throw error;
  }
  throw new Error('the workbook was read');
}

describe('readWorkbook', () => {
  it('reads the values of a workbook ExcelJS wrote: text, numbers, booleans, rich text and formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Layanan');
    ws.addRow(['Kode', 'Jumlah', 'Gratis']);
    ws.addRow(['AKTA-1', 150000, true]);
    ws.getCell('A3').value = { richText: [{ text: 'Rp ' }, { text: '15.000', font: { bold: true } }] };
    ws.getCell('B3').value = { formula: '1+1', result: 2 };
    ws.getCell('C3').value = 'baris <tiga> & "kutip"';
    workbook.addWorksheet('Lain').addRow(['tidak dibaca']);
    const sheets = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), ['Layanan']);
    expect([...sheets.keys()]).toEqual(['Layanan']);
    const rows = sheets.get('Layanan')!.rows;
    expect([...rows.get(2)!]).toEqual([
      [1, 'AKTA-1'],
      [2, 150000],
      [3, true],
    ]);
    expect([...rows.get(3)!]).toEqual([
      [1, 'Rp 15.000'],
      [2, 2],
      [3, 'baris <tiga> & "kutip"'],
    ]);
  });

  it('reads prefixed elements, shared strings with phonetic runs, inline strings, errors and cells without references', async () => {
    const xml = sheet(
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
       <x:row><x:c t="inlineStr"><x:is><x:t>satu</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>
       <x:row r="5"><x:c r="B5" t="str"><x:v>_x000D_ok &#233;</x:v></x:c><x:c r="C5"><x:v>   </x:v></x:c></x:row>
       <x:row r="6"/>`,
    );
    const rows = (await readWorkbook(handmade(xml))).get('Layanan')!.rows;
    expect([...rows.keys()]).toEqual([1, 2, 5]);
    expect([...rows.get(1)!]).toEqual([
      [1, 'Kode & nama'],
      [3, 'Akta kelahiran'],
    ]);
    expect([...rows.get(2)!]).toEqual([
      [1, 'satu'],
      [2, true],
      [3, { error: '#N/A' }],
    ]);
    expect(rows.get(5)!.get(2)).toBe('\rok é');
    expect(rows.get(5)!.has(3)).toBe(false);
  });

  it('ignores what would make a trusting reader loop over a whole sheet: huge merges, column ranges and validations', async () => {
    const xml = sheet(
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>',
      '<x:cols><x:col min="1" max="1000000000" width="9"/></x:cols>',
      '<x:mergeCells count="1"><x:mergeCell ref="A1:XFD1048576"/></x:mergeCells><x:dataValidations count="1"><x:dataValidation type="list" sqref="A1:XFD1048576"><x:formula1>"a,b"</x:formula1></x:dataValidation></x:dataValidations>',
    );
    const started = Date.now();
    const rows = (await readWorkbook(handmade(xml))).get('Layanan')!.rows;
    expect(Date.now() - started).toBeLessThan(1000);
    expect([...rows.get(1)!]).toEqual([[1, 1]]);
  });

  it('reads only the first columns of a row', async () => {
    const xml = sheet(`<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="ZZ1"><x:v>2</x:v></x:c></x:row>`);
    expect([...(await readWorkbook(handmade(xml))).get('Layanan')!.rows.get(1)!.keys()]).toEqual([1]);
    expect(WORKBOOK_LIMITS.columns).toBeLessThan(26 * 26);
  });

  it('refuses what is not a ZIP, telling an old .xls (or a password-protected file) apart', async () => {
    expect(await refusalOf(Buffer.from('Kode,Nama\nAKTA-1,Akta\n'))).toEqual({ kind: 'not-zip', oldExcel: false });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await refusalOf(ole)).toEqual({ kind: 'not-zip', oldExcel: true });
  });

  it('refuses a ZIP that is not a workbook (a Word document, an OpenDocument sheet, any archive)', async () => {
    expect(await refusalOf(zip([{ name: 'readme.txt', data: 'halo' }]))).toEqual({ kind: 'not-xlsx' });
    const docx = zip([
      {
        name: '[Content_Types].xml',
        data: '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
    ]);
    expect(await refusalOf(docx)).toEqual({ kind: 'not-xlsx' });
    expect(await refusalOf(zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }]))).toEqual({
      kind: 'not-xlsx',
    });
  });

  it('refuses damaged archives: cut short, a wrong checksum, a size that is not the real one', async () => {
    const good = handmade(sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'));
    expect((await refusalOf(good.subarray(0, good.length - 30))).kind).toBe('malformed');
    expect((await refusalOf(good.subarray(0, 200))).kind).toBe('malformed');
    const lying = handmade(sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'), []);
    // Flip a byte of the worksheet's compressed data: its checksum (or inflating it) must fail.
    const at = lying.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length + 5;
    lying[at] = lying[at]! ^ 0xff;
    expect((await refusalOf(lying)).kind).toBe('malformed');
    const understated = zip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'xl/workbook.xml', data: WORKBOOK, declaredSize: 100 },
    ]);
    expect((await refusalOf(understated)).kind).toBe('malformed');
  });

  it('refuses a zip bomb by the sizes its directory declares, before inflating anything', async () => {
    const zeros = Buffer.alloc(WORKBOOK_LIMITS.unpackedBytes + 1024);
    const bomb = zip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusalOf(bomb)).toEqual({ kind: 'too-big', limit: WORKBOOK_LIMITS.unpackedBytes });
  });

  it('refuses a part that inflates to more than it declared', async () => {
    const part = Buffer.alloc(1_000_000, 'a');
    const forged = zip([{ name: '[Content_Types].xml', data: part, declaredSize: 1000 }]);
    expect((await refusalOf(forged)).kind).toBe('malformed');
  });

  it('refuses encrypted entries, document type declarations, and sheets with too many rows', async () => {
    expect(await refusalOf(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES, flags: 1 }]))).toEqual({ kind: 'encrypted' });
    const entities = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><Types>spreadsheetml &lol;</Types>`;
    expect((await refusalOf(zip([{ name: '[Content_Types].xml', data: entities }]))).kind).toBe('malformed');
    const rows = Array.from(
      { length: WORKBOOK_LIMITS.rows + 1 },
      (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`,
    ).join('');
    expect(await refusalOf(handmade(sheet(rows)))).toEqual({ kind: 'too-many-rows', sheet: 'Layanan', limit: WORKBOOK_LIMITS.rows - 1 });
  });
});
