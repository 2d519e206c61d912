import type { Diagnostic } from '../content/diagnostics.ts';
import type { SourceDefaults, SourceParse, SourceRecord } from './types.ts';

/**
 * The JSON of `gh project item-list <number> --owner <owner> --format json`:
 * `{ "items": [{ "id", "content": { "type", "number", "repository", "title", "url", "body" },
 * "<field>": value, ... }], "totalCount" }`. gh names each project field by its name with the
 * first letter lower-cased (`status`, `story Points`, `linked pull requests`); an iteration
 * field's value is `{ "title", "startDate", "duration" }`.
 */
export const GITHUB: SourceDefaults = {
  label: 'the JSON of `gh project item-list --format json`',
  // The Status options of GitHub's project templates ("No Status" is an item without one).
  statuses: {
    'no status': 'todo',
    backlog: 'todo',
    todo: 'todo',
    ready: 'todo',
    'in progress': 'in-progress',
    'in review': 'in-progress',
    done: 'done',
  },
  types: { pullrequest: 'task' },
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
/** A project field's key without gh's lower-casing and spacing: `story Points` -> `storypoints`. */
const fieldName = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');

const POINT_FIELDS = new Set(['storypoints', 'storypoint', 'points', 'estimate', 'estimates']);
const ITERATION_FIELDS = ['iteration', 'sprint', 'cycle'];

export function parseGithub(source: string, file: string): SourceParse {
  const diagnostics: Diagnostic[] = [];
  const skipped: SourceParse['skipped'] = [];
  const fail = (message: string): SourceParse => ({
    records: [],
    epicTitles: new Map(),
    skipped,
    diagnostics: [{ severity: 'error', file, line: 1, field: '(file)', message }],
  });
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    return fail(
      `is not JSON (${reason.length > 100 ? `${reason.slice(0, 97)}...` : reason}); expected ${GITHUB.label}`,
    );
  }
  if (!isObject(data) || !Array.isArray(data.items)) {
    return fail(`is not ${GITHUB.label}: expected an object with an "items" list`);
  }

  const records: SourceRecord[] = [];
  data.items.forEach((item: unknown, index: number) => {
    const row = `items[${index}]`;
    const at = { line: 1, row };
    if (!isObject(item) || !isObject(item.content)) {
      diagnostics.push({
        severity: 'error',
        file,
        line: 1,
        field: `${row}.content`,
        message: 'is missing; expected the item\'s issue or pull request ({ "type", "number", "repository", ... })',
      });
      return;
    }
    const content = item.content;
    const title = text(content.title) ?? text(item.title) ?? '';
    if (content.type === 'DraftIssue' || typeof content.number !== 'number') {
      skipped.push({ id: title || item.id?.toString() || row, reason: 'draft issues (no number to be an id)' });
      return;
    }
    const repository = text(content.repository);
    if (!repository) {
      diagnostics.push({
        severity: 'error',
        file,
        line: 1,
        field: `${row}.content.repository`,
        message: `is missing; expected the issue's repository (owner/name), which names its id`,
      });
      return;
    }
    const name = repository.split('/').at(-1)!;
    const id = `${name}-${content.number}`;
    const url = text(content.url);

    let sprint: string | null = null;
    let points: number | null = null;
    const iterations = Object.entries(item)
      .filter(([, v]) => isObject(v) && typeof v.title === 'string' && ('startDate' in v || 'duration' in v))
      .sort(([a], [b]) => rank(a) - rank(b));
    if (iterations[0]) sprint = text((iterations[0][1] as Json).title);
    for (const [key, value] of Object.entries(item)) {
      if (!POINT_FIELDS.has(fieldName(key))) continue;
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (Number.isFinite(n)) points ??= n;
    }

    const epic = text(item.epic);
    const parent = parentKey(item['parent issue'] ?? item.parent);
    const status = text(item.status);
    records.push({
      id,
      title: title || id,
      kind: content.type === 'PullRequest' ? { value: 'PullRequest', column: `${row}.content.type` } : null,
      labels: stringList(item.labels),
      status: { value: status ?? 'No Status', column: `${row}.status` },
      stateHint: null,
      resolution: null,
      epicKeys: [epic, parent].filter((k): k is string => !!k),
      aliases: [url, `${repository}#${content.number}`].filter((k): k is string => !!k),
      sprint,
      points,
      owners: stringList(item.assignees),
      at,
    });
  });
  return { records, epicTitles: new Map(), skipped, diagnostics };
}

function rank(key: string): number {
  const i = ITERATION_FIELDS.indexOf(fieldName(key));
  return i === -1 ? ITERATION_FIELDS.length : i;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (typeof v === 'string' && v.trim() ? [v.trim()] : []));
}

/** A parent issue as gh may write it: its URL, or an object with `url` or `number` and `repository`. */
function parentKey(value: unknown): string | null {
  if (typeof value === 'string') return text(value);
  if (!isObject(value)) return null;
  const url = text(value.url);
  if (url) return url;
  const repository = text(value.repository);
  return repository && typeof value.number === 'number' ? `${repository}#${value.number}` : null;
}
