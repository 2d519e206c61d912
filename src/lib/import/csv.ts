import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../content/diagnostics.ts';
import type { Where } from './types.ts';

/**
 * A CSV export read by column position, so repeated column names (Jira writes one `Sprint`,
 * `Labels` or `Comment` column per value) are all kept, in order. Columns are found by name,
 * ignoring case and surrounding spaces, so their order does not matter.
 */
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Every position of the column called `name`. */
  columns(name: string): number[];
  has(name: string): boolean;
}

export interface CsvRow {
  cells: string[];
  at: Where;
  /** The first non-empty value of the columns called `name` (null: none). */
  first(name: string): string | null;
  /** The last non-empty value of the columns called `name`: Jira's current sprint is its last. */
  last(name: string): string | null;
  /** Every non-empty value of the columns called `name`, in column order. */
  all(name: string): string[];
}

const norm = (name: string) => name.trim().toLowerCase();

/**
 * Reads CSV text (UTF-8, with or without a byte-order mark, CRLF or LF). Rows may be shorter
 * than the header: Linear writes rows without their last empty fields. `clean` rewrites each
 * cell (Linear's formula guards). Returns a diagnostic instead when the text is not CSV.
 */
export function readCsv(
  text: string,
  file: string,
  clean: (cell: string) => string = (cell) => cell,
): { table: CsvTable } | { diagnostic: Diagnostic } {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, raw: true }) as unknown as {
      record: string[];
      raw: string;
    }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return {
      diagnostic: {
        severity: 'error',
        file,
        ...(e.lines ? { line: e.lines } : {}),
        field: '(file)',
        message: `cannot be read as CSV (${(e.message ?? String(error)).replace(/\s+/g, ' ')})`,
      },
    };
  }
  // csv-parse counts lines oddly inside quoted fields; each record's raw text says how many it
  // spans (with its record delimiter at the end, or only the CR of a CRLF).
  let line = 1;
  const located = records.map(({ record, raw }) => {
    const start = line;
    line += 1 + (raw.replace(/(\r\n|\n|\r)$/, '').match(/\n/g)?.length ?? 0);
    return { cells: record.map(clean), line: start };
  });
  const [head, ...body] = located;
  const header = (head?.cells ?? []).map((h) => h.trim());
  const positions = new Map<string, number[]>();
  header.forEach((name, index) => positions.set(norm(name), [...(positions.get(norm(name)) ?? []), index]));
  const columns = (name: string) => positions.get(norm(name)) ?? [];
  const rows: CsvRow[] = [];
  body.forEach(({ cells, line }, index) => {
    // A row of nothing but separators (or an empty line) is no item.
    if (cells.every((cell) => cell.trim() === '')) return;
    const all = (name: string) =>
      columns(name)
        .map((i) => (cells[i] ?? '').trim())
        .filter((v) => v !== '');
    rows.push({
      cells,
      at: { line, row: `row ${index + 2}` },
      all,
      first: (name) => all(name)[0] ?? null,
      last: (name) => all(name).at(-1) ?? null,
    });
  });
  return { table: { header, rows, columns, has: (name) => columns(name).length > 0 } };
}

/** The required columns an export lacks, as a diagnostic naming them; null when it has them all. */
export function missingColumns(table: CsvTable, required: string[], file: string, what: string): Diagnostic | null {
  const missing = required.filter((name) => !table.has(name));
  if (missing.length === 0) return null;
  const found = table.header.filter((h) => h !== '');
  return {
    severity: 'error',
    file,
    line: 1,
    field: '(header)',
    value: found,
    message:
      `is not ${what}: missing column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')}` +
      ` (its header: ${found.length ? found.slice(0, 6).join(', ') + (found.length > 6 ? ', …' : '') : 'empty'})`,
  };
}

/** A points cell (`3`, `3.0`, `0.5`); null when empty, not a number or below 0 (points cannot be). */
export function numberCell(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? n : null;
}
