import { Document, isMap, isNode, isScalar, isSeq, parseDocument, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ImportedItem } from './mapping.ts';

/**
 * Writes imported items into a backlog YAML file, keeping what people wrote there. The import
 * owns these fields of an item and rewrites them from the export each time; every other field
 * (`notes`, `visibility`, `updated`, ...) and every comment is left as it is.
 */
export const OWNED_FIELDS = ['title', 'type', 'status', 'epic', 'sprint', 'points', 'owner'] as const;
type Owned = (typeof OWNED_FIELDS)[number];

export interface FieldChange {
  field: Owned;
  from: unknown;
  to: unknown;
}

export interface MergeResult {
  /** The file's new text; the old text itself, byte for byte, when nothing changed. */
  text: string;
  /** Whether `text` differs from the old text. */
  changed: boolean;
  added: string[];
  updated: { id: string; changes: FieldChange[] }[];
  unchanged: string[];
  /** Items of the file that the export no longer has: kept as they are, and reported. */
  gone: string[];
}

export type MergeOutcome = { ok: true; result: MergeResult } | { ok: false; line?: number; message: string };

/** Ids sort in natural order (PLAT-2 before PLAT-10), the same on every machine. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
export const compareIds = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The owned fields of an item as YAML values, in the order they are written; absent ones undefined. */
function ownedValues(item: ImportedItem): Record<Owned, unknown> {
  return {
    title: item.title,
    type: item.type,
    status: item.status,
    epic: item.epic ?? undefined,
    sprint: item.sprint ?? undefined,
    points: item.points ?? undefined,
    owner: item.owners.length === 0 ? undefined : item.owners.length === 1 ? item.owners[0] : item.owners,
  };
}

const plain = (node: unknown): unknown => (isNode(node) ? node.toJSON() : node);

/** Same value as far as the content model reads it: `sprint: 12` is "12", `owner: [Ana]` is "Ana". */
function same(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : v === undefined || v === null ? [] : [text(v)]);
  const x = list(a);
  const y = list(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const idOf = (node: unknown): string | null => {
  if (!isMap(node)) return null;
  const id = node.get('id');
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
};

export function mergeBacklog(existing: string | null, items: readonly ImportedItem[], header: string): MergeOutcome {
  let doc: Document;
  let seq: YAMLSeq;
  if (existing === null || existing.trim() === '') {
    doc = new Document([]);
    seq = doc.contents as YAMLSeq;
    doc.commentBefore = header;
  } else {
    doc = parseDocument(existing, { schema: 'core', prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      return {
        ok: false,
        ...(error.linePos ? { line: error.linePos[0].line } : {}),
        message: `YAML syntax error: ${error.message.split('\n')[0]}; fix the file or move it away before importing`,
      };
    }
    const contents = doc.contents;
    const inner = isMap(contents) ? contents.get('items', true) : null;
    if (isSeq(contents)) seq = contents;
    else if (isSeq(inner)) seq = inner;
    else {
      return {
        ok: false,
        line: 1,
        message:
          'expected a list of backlog items (or { defaults, items }) to update; fix the file or choose another --out',
      };
    }
  }

  const nodes = new Map<string, YAMLMap>();
  for (const node of seq.items) {
    const id = idOf(node);
    if (id !== null && !nodes.has(id)) nodes.set(id, node as YAMLMap);
  }

  const result: MergeResult = { text: existing ?? '', changed: false, added: [], updated: [], unchanged: [], gone: [] };
  const imported = new Set<string>();
  for (const item of items) {
    imported.add(item.id);
    const values = ownedValues(item);
    const node = nodes.get(item.id);
    if (!node) {
      const record: Record<string, unknown> = { id: item.id };
      for (const field of OWNED_FIELDS) if (values[field] !== undefined) record[field] = values[field];
      seq.items.push(doc.createNode(record));
      result.added.push(item.id);
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of OWNED_FIELDS) {
      const to = values[field];
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === field);
      const from = pair ? plain(pair.value) : undefined;
      if (same(from, to)) continue;
      changes.push({ field, from, to });
      if (to === undefined) node.delete(field);
      else if (pair && isScalar(pair.value) && typeof to !== 'object') {
        // Set the scalar in place, so a comment on the line stays with it.
        pair.value.value = to;
      } else if (pair) pair.value = doc.createNode(to);
      else node.items.splice(insertAt(node, field), 0, doc.createPair(field, to) as Pair<unknown, unknown>);
    }
    if (changes.length) result.updated.push({ id: item.id, changes });
    else result.unchanged.push(item.id);
  }
  result.gone = [...nodes.keys()].filter((id) => !imported.has(id)).sort(compareIds);

  const before = seq.items.slice();
  seq.items.sort((a, b) => {
    const x = idOf(a);
    const y = idOf(b);
    // Entries without an id (the loader reports them) keep their place at the end.
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return compareIds(x, y);
  });
  const reordered = seq.items.some((node, i) => node !== before[i]);
  if (result.added.length || result.updated.length || reordered || existing === null || existing.trim() === '') {
    result.text = doc.toString({ lineWidth: 0 });
    result.changed = result.text !== existing;
  }
  return { ok: true, result };
}

/** Where a new owned field goes: after the owned fields (or the id) that come before it. */
function insertAt(node: YAMLMap, field: Owned): number {
  const earlier = ['id', ...OWNED_FIELDS.slice(0, OWNED_FIELDS.indexOf(field))];
  let at = -1;
  node.items.forEach((pair, index) => {
    if (isScalar(pair.key) && earlier.includes(String(pair.key.value))) at = index;
  });
  return at + 1;
}
