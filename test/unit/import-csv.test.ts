import { describe, expect, it } from 'vitest';
import { readCsv, type CsvTable } from '../../src/lib/import/csv.ts';

function table(text: string): CsvTable {
  const read = readCsv(text, 'x.csv');
  if ('diagnostic' in read) throw new Error(read.diagnostic.message);
  return read.table;
}

describe('reading a CSV export', () => {
  it('drops the byte-order mark, so the first column keeps its name', () => {
    const t = table('\uFEFFIssue key,Summary\r\nA-1,x\r\n');
    expect(t.header).toEqual(['Issue key', 'Summary']);
    expect(t.rows[0]!.first('issue KEY')).toBe('A-1');
  });

  it('keeps quoted commas, quotes and line breaks inside a field, and counts lines across them', () => {
    const t = table('a,b\r\n"x, y","say ""hi""\r\nagain"\r\nz,w\r\n');
    expect(t.rows[0]!.cells).toEqual(['x, y', 'say "hi"\r\nagain']);
    expect(t.rows.map((r) => [r.at.row, r.at.line])).toEqual([
      ['row 2', 2],
      ['row 3', 4],
    ]);
  });

  it('counts lines the same with LF endings', () => {
    const t = table('a,b\n"1\n2\n3",x\ny,z\n');
    expect(t.rows.map((r) => r.at.line)).toEqual([2, 5]);
  });

  it('keeps every value of a repeated column, in column order, and gives its first and last', () => {
    const t = table('Sprint,Labels,Sprint,Labels,Sprint\nS1,a,S2,,\n');
    const row = t.rows[0]!;
    expect(t.columns('Sprint')).toEqual([0, 2, 4]);
    expect(row.all('Labels')).toEqual(['a']);
    expect(row.first('Sprint')).toBe('S1');
    expect(row.last('Sprint')).toBe('S2');
    expect(row.last('Missing')).toBeNull();
  });

  it('reads rows shorter than the header, and skips empty rows and rows of separators only', () => {
    const t = table('a,b,c\n1,2\n\n,,\n3,4,5\n');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4', '5'],
    ]);
    expect(t.rows[0]!.first('c')).toBeNull();
    expect(t.rows.map((r) => r.at.row)).toEqual(['row 2', 'row 5']);
  });

  it('reports a quote that never closes', () => {
    const read = readCsv('a,b\n"open,x\n', 'x.csv');
    expect('diagnostic' in read && read.diagnostic.message).toMatch(/^cannot be read as CSV \(/);
  });
});
