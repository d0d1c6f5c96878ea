import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './audit.csv.js';

describe('CSV export cells', () => {
  it('quote cells with quotes, commas and newlines, doubling the quotes', () => {
    expect(csvCell('say "halo"')).toBe('"say ""halo"""');
    expect(csvCell('Bogor, Jawa Barat')).toBe('"Bogor, Jawa Barat"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralise a leading = + - @ so a spreadsheet shows text instead of running a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell(-5)).toBe('-5');
  });

  it('end rows with CRLF', () => {
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });
});
