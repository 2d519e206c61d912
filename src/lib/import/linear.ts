import type { Diagnostic } from '../content/diagnostics.ts';
import type { BacklogStatus } from '../model/types.ts';
import { type CsvRow, type CsvTable, missingColumns, numberCell, readCsv } from './csv.ts';
import type { SourceDefaults, SourceParse, SourceRecord } from './types.ts';

/**
 * Linear's CSV export (Settings > Import/Export > Export CSV). Its column set changes over time
 * (30 or 34 columns, older exports fewer, rows sometimes one field short), so columns are found by name.
 */
export const LINEAR: SourceDefaults = {
  label: 'a Linear CSV export',
  // Linear's default workflow; a team's own state names go in site.yaml `import: statusMap`.
  statuses: {
    triage: 'todo',
    backlog: 'todo',
    todo: 'todo',
    'in progress': 'in-progress',
    'in review': 'in-progress',
    done: 'done',
    canceled: 'wont-do',
    cancelled: 'wont-do',
    duplicate: 'wont-do',
  },
  types: {},
};

export const LINEAR_REQUIRED = ['ID', 'Title', 'Status'];

/**
 * Linear guards cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) with a
 * leading `'`; the guard is not part of the value. A `'` before anything else is the author's.
 */
export const unguard = (cell: string): string => cell.replace(/^'(?=[=+\-@\t\r])/, '');

/**
 * A state's type, from the dates Linear records when an issue enters a started, completed or
 * canceled state (the export has no state-type column): for a team's own state names.
 */
function stateFromDates(table: CsvTable, row: CsvRow): { status: BacklogStatus; from: string } | null {
  // An export without the date columns says nothing about the state.
  if (!['Started', 'Completed', 'Canceled'].every((name) => table.has(name))) return null;
  if (row.first('Canceled')) return { status: 'wont-do', from: 'its Canceled date' };
  if (row.first('Completed')) return { status: 'done', from: 'its Completed date' };
  if (row.first('Started')) return { status: 'in-progress', from: 'its Started date' };
  return { status: 'todo', from: 'its empty Started, Completed and Canceled dates' };
}

export function parseLinear(text: string, file: string): SourceParse {
  const diagnostics: Diagnostic[] = [];
  const skipped: SourceParse['skipped'] = [];
  const read = readCsv(text, file, unguard);
  if ('diagnostic' in read) return { records: [], epicTitles: new Map(), skipped, diagnostics: [read.diagnostic] };
  const { table } = read;
  const missing = missingColumns(table, LINEAR_REQUIRED, file, LINEAR.label);
  if (missing) return { records: [], epicTitles: new Map(), skipped, diagnostics: [missing] };

  const records: SourceRecord[] = [];
  for (const row of table.rows) {
    const key = row.first('ID');
    const at = row.at;
    if (!key) {
      diagnostics.push({
        severity: 'error',
        file,
        line: at.line,
        field: `${at.row}, ID`,
        message: 'is empty; expected the issue identifier (e.g. ENG-12): a row without one cannot be imported',
      });
      continue;
    }
    const archived = row.first('Archived');
    if (archived) {
      skipped.push({ id: key, reason: 'archived' });
      continue;
    }
    const pointsText = row.first('Estimate');
    const points = numberCell(pointsText);
    if (pointsText !== null && points === null) {
      diagnostics.push({
        severity: 'warning',
        file,
        line: at.line,
        field: `${at.row}, Estimate`,
        value: pointsText,
        message: `got ${JSON.stringify(pointsText)}; expected a number of at least 0, so ${key} is imported without points`,
      });
    }
    const cycleName = row.first('Cycle Name');
    const cycleNumber = row.first('Cycle Number');
    const assignee = row.first('Assignee');
    records.push({
      id: key,
      title: row.first('Title') ?? key,
      kind: null,
      labels: row.all('Labels').flatMap((cell) => cell.split(/\s*,\s*/).filter(Boolean)),
      status: { value: row.first('Status') ?? '', column: 'Status' },
      stateHint: stateFromDates(table, row),
      resolution: null,
      epicKeys: [row.first('Project'), row.first('Parent issue')].filter((k): k is string => !!k),
      aliases: [],
      // Linear names a cycle "Cycle 12" until someone gives it a name.
      sprint: cycleName ?? (cycleNumber ? `Cycle ${cycleNumber}` : null),
      points,
      owners: assignee ? [assignee] : [],
      at,
    });
  }
  return { records, epicTitles: new Map(), skipped, diagnostics };
}
