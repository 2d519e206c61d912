import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'astro/zod';
import type { BacklogItem, Content, Entry, EntryKind, KeyResult, SiteSettings, Visibility } from '../model/types.ts';
import { parsePeriod } from '../model/fiscal.ts';
import { type Diagnostic, formatPath, showValue, sortDiagnostics } from './diagnostics.ts';
import { checkCrossReferences, type Located } from './cross-checks.ts';
import {
  BACKLOG_FILE_KEYS,
  KNOWN_FIELDS,
  NESTED_FIELDS,
  backlogDefaultsSchema,
  backlogFileSchema,
  backlogListItemSchema,
  keyResultSchema,
  missionSchema,
  objectiveSchema,
  roadmapSchema,
  siteSchema,
  strategySchema,
  visionSchema,
  wikiSchema,
} from './schemas.ts';
import type { ContentSource } from './source.ts';
import { bodyLinks } from './body-links.ts';
import { makeLinks } from '../site/links.ts';
import { type ParsedYaml, parseFrontmatter, parseYaml } from './yaml-source.ts';

export interface LoadResult {
  /** Null when there is any error: nothing is built from content that does not validate. */
  content: Content | null;
  /** Every problem found, errors and warnings, sorted by file and line. */
  diagnostics: Diagnostic[];
}

type EntryOf<K extends EntryKind> = Extract<Entry, { kind: K }>;

/** What `toModel` gets besides the validated fields. */
interface ModelContext {
  base: { id: string; file: string; hasBody: boolean };
  defaultVisibility: Visibility;
  fiscalYearStartMonth: number;
  /** Reports a problem at a field of the entry (the loader adds file, line and field). */
  report(severity: Diagnostic['severity'], path: PropertyKey[], value: unknown, message: string): void;
}

/**
 * One collection of the content model: where its files live, what they must hold, and how
 * validated fields become the model. The loader has no per-kind code besides this table.
 */
interface Collection<K extends EntryKind, T> {
  kind: K;
  /** Folder inside the content folder; null for the one file at its root (`mission.mdx`). */
  folder: string | null;
  /** Sub-folders allowed (`wiki/teams/platform.mdx`); their path is part of the id. */
  nested: boolean;
  schema: z.ZodType<T>;
  known: readonly string[];
  toModel(data: T, ctx: ModelContext): EntryOf<K>;
}

/**
 * A collection with its types erased, for the loop that reads every file the same way. The
 * loop only ever passes a collection the data its own schema produced.
 */
interface AnyCollection {
  kind: EntryKind;
  folder: string | null;
  nested: boolean;
  schema: z.ZodType<unknown>;
  known: readonly string[];
  toModel(data: unknown, ctx: ModelContext): Entry;
}
const collection = <K extends EntryKind, T>(c: Collection<K, T>): AnyCollection => c;

interface CommonFields {
  title?: string | undefined;
  visibility?: Visibility | undefined;
  updated?: string | undefined;
  owner?: string | string[] | undefined;
}

function common<K extends EntryKind>(kind: K, data: CommonFields, ctx: ModelContext, defaultTitle?: string) {
  return {
    kind,
    ...ctx.base,
    title: data.title ?? defaultTitle ?? ctx.base.id,
    visibility: data.visibility ?? ctx.defaultVisibility,
    updated: data.updated ?? null,
    owners: data.owner === undefined ? [] : [data.owner].flat(),
  };
}

const lower = (ids: string[] | undefined) => (ids ?? []).map((id) => id.toLowerCase());

function backlogItem(d: z.infer<typeof backlogFileSchema>, ctx: ModelContext): BacklogItem {
  return {
    ...common('backlog', d, ctx),
    type: d.type,
    status: d.status,
    epic: d.epic?.toLowerCase() ?? null,
    sprint: d.sprint ?? null,
    points: d.points ?? null,
    notes: d.notes ?? null,
  };
}

function keyResult(kr: z.infer<typeof keyResultSchema>): KeyResult {
  const base = { id: kr.id ?? null, title: kr.title };
  if (kr.done !== undefined) return { ...base, kind: 'milestone', done: kr.done };
  // The schema has required start and target of every key result without `done`.
  return {
    ...base,
    kind: 'measured',
    start: kr.start!,
    target: kr.target!,
    current: kr.current ?? null,
    unit: kr.unit ?? null,
    confidence: kr.confidence ?? null,
  };
}

export const COLLECTIONS: readonly AnyCollection[] = [
  collection({
    kind: 'mission',
    folder: null,
    nested: false,
    schema: missionSchema,
    known: KNOWN_FIELDS.mission!,
    toModel: (d, ctx) => ({ ...common('mission', d, ctx, 'Mission'), statement: d.statement }),
  }),
  collection({
    kind: 'vision',
    folder: null,
    nested: false,
    schema: visionSchema,
    known: KNOWN_FIELDS.vision!,
    toModel: (d, ctx) => ({
      ...common('vision', d, ctx, 'Vision'),
      statement: d.statement,
      horizon: d.horizon ?? null,
    }),
  }),
  collection({
    kind: 'strategy',
    folder: 'strategy',
    nested: false,
    schema: strategySchema,
    known: KNOWN_FIELDS.strategy!,
    toModel: (d, ctx) => ({
      ...common('strategy', d, ctx),
      summary: d.summary ?? null,
      order: d.order ?? null,
      milestones: (d.milestones ?? []).map((m) => ({
        title: m.title,
        date: m.date,
        description: m.description ?? null,
      })),
    }),
  }),
  collection({
    kind: 'objective',
    folder: 'objectives',
    nested: false,
    schema: objectiveSchema,
    known: KNOWN_FIELDS.objective!,
    toModel: (d, ctx) => {
      const keyResults = (d.keyResults ?? []).map(keyResult);
      if (keyResults.length === 0) {
        ctx.report(
          'warning',
          ['keyResults'],
          undefined,
          'no key results, so progress is "not measured"; expected measured key results (start, target, current) or milestones (done: true or false)',
        );
      }
      // A custom start or end replaces one end of the period: the other end must still be on the right side of it.
      const period = parsePeriod(d.period, ctx.fiscalYearStartMonth);
      if (period && (d.start === undefined) !== (d.end === undefined)) {
        const start = d.start ?? period.start;
        const end = d.end ?? period.end;
        if (end < start) {
          const field = d.start ? 'start' : 'end';
          ctx.report(
            'error',
            [field],
            d[field],
            d.start
              ? `start is after the end of period ${d.period} (${period.end}); expected a start on or before ${period.end}, or an end too`
              : `end is before the start of period ${d.period} (${period.start}); expected an end on or after ${period.start}, or a start too`,
          );
        }
      }
      return {
        ...common('objective', d, ctx),
        period: d.period,
        start: d.start ?? null,
        end: d.end ?? null,
        parent: d.parent?.toLowerCase() ?? null,
        status: d.status ?? null,
        keyResults,
      };
    },
  }),
  collection({
    kind: 'roadmap',
    folder: 'roadmap',
    nested: false,
    schema: roadmapSchema,
    known: KNOWN_FIELDS.roadmap!,
    toModel: (d, ctx) => ({
      ...common('roadmap', d, ctx),
      summary: d.summary,
      theme: d.theme,
      status: d.status,
      start: d.start ?? null,
      end: d.end ?? null,
      period: d.period ?? d.quarter ?? null,
      horizon: d.horizon ?? null,
      objectives: lower(d.objectives),
      dependsOn: lower(d.dependsOn),
      team: d.team ?? null,
      confidence: d.confidence ?? null,
      tags: d.tags ?? [],
      tracker: d.tracker ?? null,
    }),
  }),
  collection({
    kind: 'backlog',
    folder: 'backlog',
    nested: true,
    schema: backlogFileSchema,
    known: KNOWN_FIELDS.backlogFile!,
    toModel: backlogItem,
  }),
  collection({
    kind: 'wiki',
    folder: 'wiki',
    nested: true,
    schema: wikiSchema,
    known: KNOWN_FIELDS.wiki!,
    toModel: (d, ctx) => ({
      ...common('wiki', d, ctx),
      summary: d.summary ?? null,
      order: d.order ?? null,
    }),
  }),
];

const BACKLOG = COLLECTIONS.find((c) => c.kind === 'backlog')!;

type FileRole = { kind: 'site' } | { kind: 'backlogList' } | { kind: 'entry'; collection: AnyCollection; id: string };

const DOC = /\.(mdx|md)$/;

/** An entry's id: its path inside its collection, without extension, lower-cased. */
export function entryId(pathInCollection: string): string {
  return pathInCollection.replace(DOC, '').toLowerCase();
}

/** Which part of the content model a file is, by its path (null: not content). */
export function classify(path: string): FileRole | null {
  if (path === 'site.yaml' || path === 'site.yml') return { kind: 'site' };
  const [folder, ...rest] = path.split('/');
  const inner = rest.join('/');
  for (const c of COLLECTIONS) {
    if (c.folder === null) {
      if (path === `${c.kind}.mdx` || path === `${c.kind}.md`) return { kind: 'entry', collection: c, id: c.kind };
    } else if (folder === c.folder && inner && DOC.test(inner) && (c.nested || rest.length === 1)) {
      return { kind: 'entry', collection: c, id: entryId(inner) };
    }
  }
  if (folder === 'backlog' && inner && /\.(ya?ml|json)$/.test(inner)) return { kind: 'backlogList' };
  return null;
}

/** Letters and digits of any script, `-`, `_` and `.`: names that survive URLs, globs and every file system. */
const NAME_PART = /^[\p{L}\p{N}._-]+$/u;
const BAD_CHAR = /[^\p{L}\p{N}._/-]/u;

const describeChar = (char: string): string =>
  char === ' '
    ? 'a space'
    : char === '\t'
      ? 'a tab'
      : /\p{Cc}/u.test(char)
        ? `the control character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
        : JSON.stringify(char);

/** A name made of allowed characters: each run of others becomes one `-`. */
export function suggestName(path: string): string {
  return path
    .split('/')
    .map(
      (part) =>
        part
          .replace(/[^\p{L}\p{N}._-]+/gu, '-')
          .replace(/-+(\.[^.]+)$/, '$1')
          .replace(/^-+|-+$/g, '') || 'untitled',
    )
    .join('/');
}

/** The file name problem of a content file, if it has one (spec: "Entry file names use letters, digits, -, _ and ."). */
export function fileNameProblem(path: string): string | null {
  if (path.split('/').every((part) => NAME_PART.test(part))) return null;
  const char = BAD_CHAR.exec(path)![0];
  return `the name holds ${describeChar(char)}; expected file and folder names of letters, digits, -, _ and . only (rename it to ${JSON.stringify(suggestName(path))})`;
}

/** A path as messages print it: a tab or newline in a name shows as `\t`, not as blank space. */
const printable = (path: string) => path.replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1));

const EXPECTED_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (a YAML mapping)',
};

/** One zod issue as an author-facing sentence: what was written, what was expected. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = showValue(value);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_TYPE[issue.expected] ?? issue.expected;
      if (value === undefined) {
        return `required field is missing; ${issue.message.startsWith('expected') ? issue.message : `expected ${expected}`}`;
      }
      return issue.message.startsWith('expected') ? `got ${got}; ${issue.message}` : `got ${got}; expected ${expected}`;
    }
    case 'invalid_value':
      return value === undefined
        ? `required field is missing; expected one of: ${issue.values.map(String).join(', ')}`
        : `got ${got}; expected one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown fields ${issue.keys.join(', ')}`;
    case 'too_small':
    case 'too_big': {
      if (issue.message.startsWith('expected')) return `got ${got}; ${issue.message}`;
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const relation = issue.code === 'too_small' ? 'at least' : 'at most';
      return issue.origin === 'array'
        ? `got ${got}; expected a list of ${relation} ${String(bound)} items`
        : `got ${got}; expected a number ${relation} ${String(bound)}`;
    }
    default:
      if (value === undefined) return issue.message;
      return `got ${got}; ${issue.message}`;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

interface Validated<T> {
  data: T | null;
  diagnostics: Diagnostic[];
}

/** Where a record sits: its file, how its fields map to lines, and how messages name them. */
interface RecordPlace {
  file: string;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** How messages name the record inside its file: `["BEA-7"]` for a listed backlog item. */
  fieldPrefix: PropertyKey[];
}

const placeOf = (file: string, parsed: ParsedYaml, base: PropertyKey[] = [], fieldPrefix = base): RecordPlace => ({
  file,
  lineOf: (path) => parsed.lineOf([...base, ...path]),
  fieldPrefix,
});

function diagnosticAt(
  place: RecordPlace,
  severity: Diagnostic['severity'],
  path: readonly PropertyKey[],
  value: unknown,
  message: string,
): Diagnostic {
  return {
    severity,
    file: place.file,
    line: place.lineOf(path),
    field: formatPath([...place.fieldPrefix, ...path]),
    ...(value === undefined ? {} : { value }),
    message,
  };
}

/** Validates one record against a schema; reports every issue and every unknown field. */
function validate<T>(schema: z.ZodType<T>, data: unknown, place: RecordPlace, known: readonly string[]): Validated<T> {
  const diagnostics: Diagnostic[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: null,
      diagnostics: [
        diagnosticAt(place, 'error', [], data, `got ${showValue(data)}; expected a set of fields (a YAML mapping)`),
      ],
    };
  }
  const warnUnknown = (record: object, knownHere: readonly string[], path: PropertyKey[]) => {
    for (const key of Object.keys(record)) {
      if (knownHere.includes(key)) continue;
      const guess = closest(key, [...knownHere]);
      const hint = guess && distance(key, guess) <= 2 ? `; did you mean "${guess}"?` : '';
      diagnostics.push(
        diagnosticAt(
          place,
          'warning',
          [...path, key],
          undefined,
          `unknown field, ignored${hint} (known fields: ${knownHere.join(', ')})`,
        ),
      );
    }
  };
  warnUnknown(data, known, []);
  for (const [list, knownNested] of Object.entries(NESTED_FIELDS)) {
    const items = (data as Record<string, unknown>)[list];
    if (!known.includes(list) || !Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        warnUnknown(item as object, knownNested, [list, index]);
      }
    });
  }
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, diagnostics };
  for (const issue of result.error.issues) {
    const value = valueAt(data, issue.path);
    diagnostics.push(diagnosticAt(place, 'error', issue.path, value, describeIssue(issue, value)));
  }
  return { data: null, diagnostics };
}

interface FileRecord {
  path: string;
  role: FileRole;
  text: string;
}

/**
 * Reads a content folder into the validated model, collecting every problem in one pass.
 * Returns `content: null` when any error was found; warnings alone still give content.
 */
export async function loadContent(source: ContentSource): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const display = (path: string) => printable(`${source.label}/${path}`.replace(/^\.\//, ''));
  let paths: string[];
  try {
    paths = await source.list();
  } catch (error) {
    return {
      content: null,
      diagnostics: [
        {
          severity: 'error',
          file: source.label,
          field: '(folder)',
          message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected a content folder with site.yaml (set ROADMAP_CONTENT to its path)`,
        },
      ],
    };
  }
  for (const refused of source.refused?.() ?? []) {
    diagnostics.push({ severity: 'error', file: display(refused.path), field: '(file)', message: refused.message });
  }
  const files: FileRecord[] = [];
  for (const path of paths) {
    const role = classify(path);
    const isContent = role !== null || /\.(mdx|md|ya?ml|json)$/.test(path);
    const nameProblem = isContent ? fileNameProblem(path) : null;
    if (nameProblem) {
      diagnostics.push({ severity: 'error', file: display(path), field: '(file)', value: path, message: nameProblem });
    }
    if (role) {
      let text: string;
      try {
        text = await source.read(path);
      } catch (error) {
        diagnostics.push({
          severity: 'error',
          file: display(path),
          field: '(file)',
          message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected a readable text file`,
        });
        continue;
      }
      files.push({ path, role, text });
    } else if (isContent) {
      diagnostics.push({
        severity: 'warning',
        file: display(path),
        field: '(file)',
        message:
          'not part of the content model, ignored (expected site.yaml, mission/vision, strategy/*, objectives/*, roadmap/*, backlog/**, wiki/**)',
      });
    }
  }

  // Site settings first: they give every entry its default visibility.
  const siteFiles = files.filter((f) => f.role.kind === 'site');
  let site: SiteSettings | null = null;
  if (siteFiles.length === 0) {
    diagnostics.push({
      severity: 'error',
      file: display('site.yaml'),
      field: '(file)',
      message: 'missing; expected a site.yaml with at least a title',
    });
  }
  if (siteFiles.length > 1) {
    diagnostics.push({
      severity: 'error',
      file: display(siteFiles[1]!.path),
      field: '(file)',
      value: siteFiles.map((f) => f.path),
      message: 'both site.yaml and site.yml exist; expected exactly one',
    });
  }
  for (const file of siteFiles.slice(0, 1)) {
    const parsed = parseYaml(file.text);
    if (reportSyntax(parsed, display(file.path), diagnostics)) continue;
    const result = validate(siteSchema, parsed.data ?? {}, placeOf(display(file.path), parsed), KNOWN_FIELDS.site!);
    diagnostics.push(...result.diagnostics, ...duplicateThemes(parsed, display(file.path)));
    if (result.data) {
      const s = result.data;
      site = {
        title: s.title,
        description: s.description ?? null,
        url: s.url ? s.url.replace(/\/+$/, '') : null,
        defaultVisibility: s.defaultVisibility ?? 'internal',
        fiscalYearStartMonth: s.fiscalYearStartMonth ?? 1,
        staleAfterDays: s.staleAfterDays ?? 90,
        themes: (s.themes ?? []).map((t) => ({
          id: t.id,
          color: t.color ?? null,
          description: t.description ?? null,
        })),
        trackerUrl: s.trackerUrl ?? null,
      };
    }
  }
  const settings = {
    defaultVisibility: site?.defaultVisibility ?? 'internal',
    fiscalYearStartMonth: site?.fiscalYearStartMonth ?? 1,
  } as const;

  const located: Located[] = [];
  const entries = new Map<EntryKind, Entry[]>(COLLECTIONS.map((c) => [c.kind, []]));
  /** Builds an entry from validated fields and keeps it, with where it was written. */
  const keep = (
    c: AnyCollection,
    data: unknown,
    base: ModelContext['base'],
    place: RecordPlace,
    links: Located['links'],
  ) => {
    let failed = false;
    const entry = c.toModel(data, {
      base,
      ...settings,
      report: (severity, path, value, message) => {
        failed ||= severity === 'error';
        diagnostics.push(diagnosticAt(place, severity, path, value, message));
      },
    });
    if (failed) return;
    entries.get(c.kind)!.push(entry);
    located.push({ entry, ...place, links });
  };

  for (const file of files) {
    const { role } = file;
    const where = display(file.path);
    if (role.kind === 'site') continue;

    if (role.kind === 'backlogList') {
      const parsed = parseYaml(file.text);
      if (reportSyntax(parsed, where, diagnostics)) continue;
      for (const listed of backlogListItems(parsed, where, diagnostics)) {
        const result = validate(backlogListItemSchema, listed.data, listed.place, KNOWN_FIELDS.backlogList!);
        diagnostics.push(...result.diagnostics);
        if (!result.data) continue;
        const { id, ...fields } = result.data;
        keep(BACKLOG, fields, { id, file: file.path, hasBody: false }, listed.place, []);
      }
      continue;
    }

    const parsed = parseFrontmatter(file.text);
    if (reportSyntax(parsed, where, diagnostics)) continue;
    const place = placeOf(where, parsed);
    const c = role.collection;
    const result = validate(c.schema, parsed.data, place, c.known);
    diagnostics.push(...result.diagnostics);
    if (result.data === null) continue;
    const base = { id: role.id, file: file.path, hasBody: parsed.body.trim().length > 0 };
    keep(c, result.data, base, place, bodyLinks(parsed.body, parsed.bodyLine));
  }

  for (const c of COLLECTIONS.filter((c) => c.folder === null)) {
    const found = files.filter((f) => f.role.kind === 'entry' && f.role.collection === c);
    if (found.length === 0) {
      diagnostics.push({
        severity: 'error',
        file: display(`${c.kind}.mdx`),
        field: '(file)',
        message: `missing; expected exactly one ${c.kind}.mdx (or ${c.kind}.md) with a statement`,
      });
    } else if (found.length > 1) {
      diagnostics.push({
        severity: 'error',
        file: display(found[1]!.path),
        field: '(file)',
        value: found.map((f) => f.path),
        message: `${found.length} ${c.kind} files; expected exactly one`,
      });
    }
  }

  const idsOf = (kind: EntryKind) =>
    new Set(files.flatMap((f) => (f.role.kind === 'entry' && f.role.collection.kind === kind ? [f.role.id] : [])));
  diagnostics.push(
    ...checkCrossReferences(located, {
      objective: idsOf('objective'),
      roadmap: idsOf('roadmap'),
      pages: new Set(
        files.flatMap((f) => {
          if (f.role.kind !== 'entry' || f.role.collection.kind === 'backlog') return [];
          const { kind } = f.role.collection;
          return kind === 'mission' || kind === 'vision' ? [`${kind}/`] : [pagePath(kind, f.role.id)];
        }),
      ),
    }),
  );

  const sorted = sortDiagnostics(diagnostics);
  const take = <K extends EntryKind>(kind: K) =>
    (entries.get(kind)! as EntryOf<K>[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const [mission] = take('mission');
  const [vision] = take('vision');
  if (sorted.some((d) => d.severity === 'error') || !site || !mission || !vision) {
    return { content: null, diagnostics: sorted };
  }
  return {
    content: {
      site,
      mission,
      vision,
      strategy: take('strategy'),
      objectives: take('objective'),
      roadmap: take('roadmap'),
      backlog: take('backlog'),
      wiki: take('wiki'),
    },
    diagnostics: sorted,
  };
}

/**
 * The items of a backlog list file, each with where it sits. The file is a list of items, or
 * `{ defaults, items }`: `defaults` fills every field an item does not write itself (an item
 * writing `epic: ""` has no epic, whatever the default), and a message about a defaulted value
 * points at the line in `defaults`. Items are named in messages by their id.
 */
function backlogListItems(
  parsed: ParsedYaml,
  file: string,
  diagnostics: Diagnostic[],
): { data: unknown; place: RecordPlace }[] {
  const data = parsed.data;
  const nameOf = (raw: unknown, index: number): PropertyKey => {
    const id = (raw as { id?: unknown } | null)?.id;
    return (typeof id === 'string' && id.trim()) || typeof id === 'number' ? String(id).trim() : index;
  };
  if (Array.isArray(data)) {
    return (data as unknown[]).map((raw, index) => ({
      data: raw,
      place: placeOf(file, parsed, [index], [nameOf(raw, index)]),
    }));
  }
  const isMapping = data !== null && typeof data === 'object';
  if (!isMapping || !('items' in data)) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      field: '(file)',
      value: data,
      message: `expected a list of backlog items (each with id, title, type, status), or { defaults: {...}, items: [...] }, got ${showValue(data)}`,
    });
    return [];
  }
  const record = data as Record<string, unknown>;
  const top = placeOf(file, parsed);
  for (const key of Object.keys(record)) {
    if (!(BACKLOG_FILE_KEYS as readonly string[]).includes(key)) {
      diagnostics.push(
        diagnosticAt(
          top,
          'warning',
          [key],
          undefined,
          `unknown field, ignored (known fields: ${BACKLOG_FILE_KEYS.join(', ')})`,
        ),
      );
    }
  }
  if (!Array.isArray(record.items)) {
    diagnostics.push(
      diagnosticAt(
        top,
        'error',
        ['items'],
        record.items,
        `got ${showValue(record.items)}; expected a list of backlog items`,
      ),
    );
    return [];
  }
  let defaults: Record<string, unknown> = {};
  if (record.defaults !== undefined && record.defaults !== null) {
    const place = placeOf(file, parsed, ['defaults']);
    let ok = true;
    for (const field of ['id', 'title']) {
      if (record.defaults && typeof record.defaults === 'object' && field in record.defaults) {
        ok = false;
        diagnostics.push(
          diagnosticAt(
            place,
            'error',
            [field],
            (record.defaults as Record<string, unknown>)[field],
            `got ${showValue((record.defaults as Record<string, unknown>)[field])}; defaults apply to every item, so cannot set ${field}; expected each item to write its own ${field}`,
          ),
        );
      }
    }
    const known = KNOWN_FIELDS.backlogFile!.filter((f) => f !== 'title');
    const result = validate(backlogDefaultsSchema, record.defaults, place, [...known, 'id', 'title']);
    diagnostics.push(...result.diagnostics);
    // Invalid defaults are reported once, at their own line, not again in every item.
    if (!result.data || !ok) return [];
    defaults = record.defaults as Record<string, unknown>;
  }
  return (record.items as unknown[]).map((raw, index) => {
    const own =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
    const merged = own ? { ...defaults, ...own } : raw;
    return {
      data: merged,
      place: {
        file,
        lineOf: (path) =>
          own && path.length > 0 && !(String(path[0]) in own) && String(path[0]) in defaults
            ? parsed.lineOf(['defaults', ...path])
            : parsed.lineOf(['items', index, ...path]),
        fieldPrefix: [nameOf(raw, index)],
      },
    };
  });
}

/** Reports YAML syntax errors; true when the file cannot be read further. */
function reportSyntax(parsed: ParsedYaml, file: string, diagnostics: Diagnostic[]): boolean {
  for (const error of parsed.errors) {
    diagnostics.push({
      severity: 'error',
      file,
      line: error.line,
      field: '(yaml)',
      message: `YAML syntax error: ${error.message}`,
    });
  }
  return parsed.errors.length > 0;
}

/** Theme ids declared twice in site.yaml: checked on the raw list, so other errors cannot hide it. */
function duplicateThemes(parsed: ParsedYaml, file: string): Diagnostic[] {
  const themes = (parsed.data as { themes?: unknown } | null)?.themes;
  if (!Array.isArray(themes)) return [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  themes.forEach((theme: unknown, index) => {
    const raw = (theme as { id?: unknown } | null)?.id;
    if (typeof raw !== 'string' && typeof raw !== 'number') return;
    const id = String(raw).trim();
    if (seen.has(id)) {
      diagnostics.push({
        severity: 'error',
        file,
        line: parsed.lineOf(['themes', index, 'id']),
        field: `themes[${index}].id`,
        value: id,
        message: `duplicate theme id ${showValue(id)}; expected each theme once`,
      });
    }
    seen.add(id);
  });
  return diagnostics;
}

/** An entry page's path, as body links name it: `roadmap/sso/`. */
function pagePath(kind: 'strategy' | 'objective' | 'roadmap' | 'wiki', id: string): string {
  return decodeURI(makeLinks('/', null).entryPath(kind, id)).toLowerCase();
}
