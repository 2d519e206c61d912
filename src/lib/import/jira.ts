import type { Diagnostic } from '../content/diagnostics.ts';
import type { BacklogStatus } from '../model/types.ts';
import { missingColumns, numberCell, readCsv } from './csv.ts';
import type { SourceDefaults, SourceParse, SourceRecord } from './types.ts';

/**
 * Jira's CSV export ("Export > CSV (all fields)" or "(current fields)"). Columns are found by
 * name in any order; `Labels`, `Sprint`, `Comment` and others repeat, one column per value.
 */
export const JIRA: SourceDefaults = {
  label: 'a Jira CSV export',
  statuses: {
    'to do': 'todo',
    open: 'todo',
    new: 'todo',
    backlog: 'todo',
    'selected for development': 'todo',
    reopened: 'todo',
    'in progress': 'in-progress',
    'in review': 'in-progress',
    'code review': 'in-progress',
    'in development': 'in-progress',
    done: 'done',
    closed: 'done',
    resolved: 'done',
    "won't do": 'wont-do',
    cancelled: 'wont-do',
    canceled: 'wont-do',
    rejected: 'wont-do',
    declined: 'wont-do',
  },
  types: { bug: 'defect', story: 'story', task: 'task', 'sub-task': 'task', subtask: 'task', spike: 'spike' },
};

export const JIRA_REQUIRED = ['Issue key', 'Summary', 'Issue Type', 'Status'];

/** Resolutions that mean the work was not done, though the status is a done one. */
const NOT_DONE_RESOLUTIONS = new Set([
  "won't do",
  "won't fix",
  'duplicate',
  'cannot reproduce',
  'declined',
  'rejected',
  'obsolete',
  'incomplete',
  'cancelled',
  'canceled',
]);

/** Jira's three status categories, which every workflow status belongs to. */
const CATEGORIES: Record<string, BacklogStatus> = { 'to do': 'todo', 'in progress': 'in-progress', done: 'done' };

const apostrophes = (s: string) => s.replace(/[\u2018\u2019]/g, "'").toLowerCase();

export function notDoneResolution(resolution: string | null): boolean {
  return resolution !== null && NOT_DONE_RESOLUTIONS.has(apostrophes(resolution.trim()));
}

export function parseJira(text: string, file: string): SourceParse {
  const diagnostics: Diagnostic[] = [];
  const read = readCsv(text, file);
  if ('diagnostic' in read) return { records: [], epicTitles: new Map(), skipped: [], diagnostics: [read.diagnostic] };
  const { table } = read;
  const missing = missingColumns(table, JIRA_REQUIRED, file, JIRA.label);
  if (missing) return { records: [], epicTitles: new Map(), skipped: [], diagnostics: [missing] };

  // The parent may be given as the parent's numeric Issue id: resolve it through every row.
  const keyOfId = new Map<string, string>();
  const epicTitles = new Map<string, string>();
  for (const row of table.rows) {
    const key = row.first('Issue key');
    const id = row.first('Issue id');
    if (key && id) keyOfId.set(id, key);
    if (key && row.first('Issue Type')?.toLowerCase() === 'epic') epicTitles.set(key, row.first('Summary') ?? key);
  }

  const records: SourceRecord[] = [];
  for (const row of table.rows) {
    const key = row.first('Issue key');
    const at = row.at;
    if (!key) {
      diagnostics.push({
        severity: 'error',
        file,
        line: at.line,
        field: `${at.row}, Issue key`,
        message: `is empty; expected the issue's key (e.g. PLAT-12): a row without a key cannot be imported`,
      });
      continue;
    }
    const type = row.first('Issue Type') ?? '';
    if (type.toLowerCase() === 'epic') continue;

    // Newer exports name the parent by key (`Parent key`) or by Issue id (`Parent`, older `Parent id`);
    // older ones link an epic through the `Epic Link` custom field, by key.
    // Some exports give Epic Link as an Issue id too.
    const toKey = (ref: string | null) => (ref && /^\d+$/.test(ref) ? (keyOfId.get(ref) ?? ref) : ref);
    const parentKey = toKey(row.first('Parent key') ?? row.first('Parent') ?? row.first('Parent id'));
    const parentSummary = row.first('Parent summary');
    if (parentKey && parentSummary && !epicTitles.has(parentKey)) epicTitles.set(parentKey, parentSummary);
    const epicLink = toKey(row.first('Custom field (Epic Link)'));

    const pointsText = row.first('Custom field (Story Points)') ?? row.first('Custom field (Story point estimate)');
    const points = numberCell(pointsText);
    if (pointsText !== null && points === null) {
      diagnostics.push({
        severity: 'warning',
        file,
        line: at.line,
        field: `${at.row}, Custom field (Story Points)`,
        value: pointsText,
        message: `got ${JSON.stringify(pointsText)}; expected a number of at least 0, so ${key} is imported without points`,
      });
    }
    const category = row.first('Status Category');
    const categoryStatus = category ? CATEGORIES[category.toLowerCase()] : undefined;
    const assignee = row.first('Assignee');
    records.push({
      id: key,
      title: row.first('Summary') ?? key,
      kind: { value: type, column: 'Issue Type' },
      labels: row.all('Labels'),
      status: { value: row.first('Status') ?? '', column: 'Status' },
      stateHint: categoryStatus ? { status: categoryStatus, from: `its Status Category "${category}"` } : null,
      resolution: row.first('Resolution'),
      epicKeys: [parentKey, epicLink].filter((k): k is string => !!k),
      aliases: [],
      // The last Sprint column is the sprint the issue is in now; earlier ones are sprints it left.
      sprint: row.last('Sprint'),
      points,
      owners: assignee ? [assignee] : [],
      at,
    });
  }
  return { records, epicTitles, skipped: [], diagnostics };
}
