import type { Diagnostic } from '../content/diagnostics.ts';
import type { BacklogStatus, BacklogType } from '../model/types.ts';
import { notDoneResolution } from './jira.ts';
import { type ImportSettings, lookup } from './settings.ts';
import { canonicalKey, type TrackerIndex } from './trackers.ts';
import type { Cell, SourceDefaults, SourceParse, SourceRecord } from './types.ts';

/** A backlog item as the import writes it: the fields the importer owns. */
export interface ImportedItem {
  id: string;
  title: string;
  type: BacklogType;
  status: BacklogStatus;
  epic: string | null;
  sprint: string | null;
  points: number | null;
  owners: string[];
}

/** A parent key no roadmap item's `tracker` names, and how many imported items it holds. */
export interface UnmatchedEpic {
  key: string;
  title: string | null;
  items: number;
}

export interface Mapped {
  items: ImportedItem[];
  unmatched: UnmatchedEpic[];
  diagnostics: Diagnostic[];
}

/** A guess at what a status name means, only to make the suggested `site.yaml` line useful. */
function guessStatus(name: string): BacklogStatus {
  const n = name.toLowerCase();
  if (/cancel|won.?t|reject|declin|duplicate|obsolete|abandon/.test(n)) return 'wont-do';
  if (/done|closed|resolved|complete|shipped|released|deployed/.test(n)) return 'done';
  if (/progress|review|qa|test|doing|develop|active|block|verif|staging/.test(n)) return 'in-progress';
  return 'todo';
}

function guessType(name: string): BacklogType {
  const n = name.toLowerCase();
  if (/bug|defect|incident|problem/.test(n)) return 'defect';
  if (/spike|research|investigat/.test(n)) return 'spike';
  if (/task|chore|sub|maintenance/.test(n)) return 'task';
  return 'story';
}

/** The site.yaml line that maps `name`, written as an author would type it. */
export function fixLine(map: 'statusMap' | 'typeMap', name: string, value: string): string {
  const key = /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
  return `import: { ${map}: { ${key}: ${value} } }`;
}

const others = <T extends string>(all: readonly T[], chosen: T) => all.filter((v) => v !== chosen).join(', ');
const STATUSES = ['todo', 'in-progress', 'done', 'wont-do'] as const;
const TYPES = ['story', 'defect', 'task', 'spike'] as const;

/**
 * Turns a source's records into backlog items: statuses and types through `site.yaml` `import:`
 * and the source's defaults, epics through the roadmap items' `tracker` fields.
 */
export function mapRecords(
  parsed: SourceParse,
  defaults: SourceDefaults,
  settings: ImportSettings,
  trackers: TrackerIndex,
  file: string,
): Mapped {
  const diagnostics: Diagnostic[] = [];
  const records = parsed.records;
  const where = (record: SourceRecord, cell: Cell) => ({
    file,
    ...(record.at.line ? { line: record.at.line } : {}),
    field: cell.column.startsWith(record.at.row) ? cell.column : `${record.at.row}, ${cell.column}`,
  });

  // Duplicate keys: the second one would silently replace the first.
  const byKey = new Map<string, SourceRecord>();
  const seen = new Map<string, SourceRecord>();
  for (const record of records) {
    const first = seen.get(record.id);
    if (first) {
      diagnostics.push({
        severity: 'error',
        ...where(record, { value: record.id, column: 'id' }),
        value: record.id,
        message: `duplicate key ${JSON.stringify(record.id)}, also at ${first.at.row}; expected each item once`,
      });
      continue;
    }
    seen.set(record.id, record);
    for (const name of [record.id, ...record.aliases]) byKey.set(canonicalKey(name), record);
  }

  const unmatched = new Map<string, UnmatchedEpic>();
  const items: ImportedItem[] = [];
  for (const record of seen.values()) {
    const status = mapStatus(record);
    const type = mapType(record);
    if (!status || !type) continue;
    items.push({
      id: record.id,
      title: record.title,
      type,
      status,
      epic: findEpic(record),
      sprint: record.sprint,
      points: record.points,
      owners: record.owners,
    });
  }

  function mapStatus(record: SourceRecord): BacklogStatus | null {
    const name = record.status.value;
    let status = lookup(settings.statusMap, name) ?? defaults.statuses[name.toLowerCase()];
    if (!status && record.stateHint) {
      status = record.stateHint.status;
      diagnostics.push({
        severity: 'warning',
        ...where(record, record.status),
        value: name,
        message:
          `${record.id}: status ${JSON.stringify(name)} is in no map; read as ${status} from ${record.stateHint.from}. ` +
          `To say so in site.yaml: ${fixLine('statusMap', name, status)}`,
      });
    }
    if (!status) {
      const guess = guessStatus(name);
      diagnostics.push({
        severity: 'error',
        ...where(record, record.status),
        value: name,
        message:
          `${record.id}: got ${JSON.stringify(name)}, which no status map covers; map it in site.yaml: ` +
          `${fixLine('statusMap', name, guess)} (or ${others(STATUSES, guess)})`,
      });
      return null;
    }
    return status === 'done' && notDoneResolution(record.resolution) ? 'wont-do' : status;
  }

  function mapType(record: SourceRecord): BacklogType | null {
    const kind = record.kind;
    if (kind) {
      const mapped = lookup(settings.typeMap, kind.value);
      if (mapped) return mapped;
    }
    for (const label of record.labels) {
      const mapped = lookup(settings.typeMap, label);
      if (mapped) return mapped;
    }
    if (record.labels.some((label) => label.toLowerCase() === 'bug')) return 'defect';
    if (!kind) return 'story';
    const known = defaults.types[kind.value.toLowerCase()];
    if (known) return known;
    const guess = guessType(kind.value);
    diagnostics.push({
      severity: 'error',
      ...where(record, kind),
      value: kind.value,
      message:
        `${record.id}: got ${JSON.stringify(kind.value)}, which no type map covers; map it in site.yaml: ` +
        `${fixLine('typeMap', kind.value, guess)} (or ${others(TYPES, guess)})`,
    });
    return null;
  }

  /**
   * The roadmap item whose tracker names the record's parent; a parent that is itself an item of
   * this export (a sub-task's story) passes on its own epic. Unmatched parents are counted.
   */
  function findEpic(record: SourceRecord): string | null {
    const chain: string[] = [];
    const visited = new Set<SourceRecord>([record]);
    const walk = (r: SourceRecord) => {
      for (const key of r.epicKeys) {
        chain.push(key);
        const parent = byKey.get(canonicalKey(key));
        if (parent && !visited.has(parent)) {
          visited.add(parent);
          walk(parent);
        }
      }
    };
    walk(record);
    for (const key of chain) {
      const epic = trackers.find(key);
      if (epic) return epic;
    }
    const orphanOf = chain.find((key) => !byKey.has(canonicalKey(key)));
    if (orphanOf) {
      const entry = unmatched.get(orphanOf) ?? {
        key: orphanOf,
        title: parsed.epicTitles.get(orphanOf) ?? null,
        items: 0,
      };
      entry.items += 1;
      unmatched.set(orphanOf, entry);
    }
    return null;
  }

  for (const conflict of trackers.conflicts) {
    diagnostics.push({
      severity: 'warning',
      file: conflict.file,
      field: 'tracker',
      value: conflict.tracker,
      message: `${conflict.items.join(', ')} all name ${JSON.stringify(conflict.tracker)}; backlog items go to ${conflict.items[0]}`,
    });
  }

  return {
    items,
    unmatched: [...unmatched.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    diagnostics,
  };
}
