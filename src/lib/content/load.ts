import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'astro/zod';
import type {
  BacklogItem,
  Content,
  EntryBase,
  EntryKind,
  Mission,
  Objective,
  RoadmapItem,
  SiteSettings,
  StrategyDoc,
  Vision,
  Visibility,
  WikiPage,
} from '../model/types.ts';
import { type Diagnostic, formatPath, showValue, sortDiagnostics } from './diagnostics.ts';
import { checkCrossReferences, type Located } from './cross-checks.ts';
import {
  KNOWN_FIELDS,
  NESTED_FIELDS,
  backlogFileSchema,
  backlogListItemSchema,
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

type FileRole =
  | { kind: 'site' }
  | { kind: 'mission' | 'vision' }
  | { kind: 'strategy' | 'objective' | 'roadmap' | 'wiki' | 'backlog'; id: string }
  | { kind: 'backlogList' };

const DOC = /\.(mdx|md)$/;

/** An entry's id: its path inside its collection, without extension, lower-cased. */
export function entryId(pathInCollection: string): string {
  return pathInCollection.replace(DOC, '').toLowerCase();
}

/** Which part of the content model a file is, by its path (null: not content). */
export function classify(path: string): FileRole | null {
  if (path === 'site.yaml' || path === 'site.yml') return { kind: 'site' };
  if (path === 'mission.mdx' || path === 'mission.md') return { kind: 'mission' };
  if (path === 'vision.mdx' || path === 'vision.md') return { kind: 'vision' };
  const [folder, ...rest] = path.split('/');
  const inner = rest.join('/');
  if (!inner) return null;
  const flat = rest.length === 1 && DOC.test(inner);
  if (folder === 'strategy' && flat) return { kind: 'strategy', id: entryId(inner) };
  if (folder === 'objectives' && flat) return { kind: 'objective', id: entryId(inner) };
  if (folder === 'roadmap' && flat) return { kind: 'roadmap', id: entryId(inner) };
  if (folder === 'wiki' && DOC.test(inner)) return { kind: 'wiki', id: entryId(inner) };
  if (folder === 'backlog' && DOC.test(inner)) return { kind: 'backlog', id: entryId(inner) };
  if (folder === 'backlog' && /\.(ya?ml|json)$/.test(inner)) return { kind: 'backlogList' };
  return null;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (a YAML mapping)',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** One zod issue as an author-facing sentence: what was written, what was expected. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = showValue(value);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_TYPE[issue.expected] ?? issue.expected;
      if (value === undefined) return `required field is missing; expected ${expected}`;
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

interface Validated<T> {
  data: T | null;
  diagnostics: Diagnostic[];
}

/** Validates one record against a schema; reports every issue and every unknown field. */
function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
  ctx: { file: string; parsed: ParsedYaml; basePath?: PropertyKey[]; known: readonly string[] },
): Validated<T> {
  const base = ctx.basePath ?? [];
  const diagnostics: Diagnostic[] = [];
  const at = (path: readonly PropertyKey[]) => ({
    file: ctx.file,
    line: ctx.parsed.lineOf([...base, ...path]),
    field: formatPath([...base, ...path]),
  });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: null,
      diagnostics: [
        {
          severity: 'error',
          ...at([]),
          value: data,
          message: `got ${showValue(data)}; expected a set of fields (a YAML mapping)`,
        },
      ],
    };
  }
  const warnUnknown = (record: object, known: readonly string[], path: PropertyKey[]) => {
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      const guess = closest(key, [...known]);
      const hint = guess && distance(key, guess) <= 2 ? `; did you mean "${guess}"?` : '';
      diagnostics.push({
        severity: 'warning',
        ...at([...path, key]),
        message: `unknown field, ignored${hint} (known fields: ${known.join(', ')})`,
      });
    }
  };
  warnUnknown(data, ctx.known, []);
  for (const [list, known] of Object.entries(NESTED_FIELDS)) {
    const items = (data as Record<string, unknown>)[list];
    if (!ctx.known.includes(list) || !Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) warnUnknown(item as object, known, [list, index]);
    });
  }
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, diagnostics };
  for (const issue of result.error.issues) {
    const value = valueAt(data, issue.path);
    diagnostics.push({
      severity: 'error',
      ...at(issue.path),
      ...(value === undefined ? {} : { value }),
      message: describeIssue(issue, value),
    });
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
  const display = (path: string) => `${source.label}/${path}`.replace(/^\.\//, '');
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
  const files: FileRecord[] = [];
  for (const path of paths) {
    const role = classify(path);
    if (role) {
      files.push({ path, role, text: await source.read(path) });
    } else if (/\.(mdx|md|ya?ml|json)$/.test(path)) {
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
    const result = validate(siteSchema, parsed.data ?? {}, {
      file: display(file.path),
      parsed,
      known: KNOWN_FIELDS.site!,
    });
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
      };
    }
  }
  const defaultVisibility: Visibility = site?.defaultVisibility ?? 'internal';

  const located: Located[] = [];
  const missions: Mission[] = [];
  const visions: Vision[] = [];
  const strategy: StrategyDoc[] = [];
  const objectives: Objective[] = [];
  const roadmap: RoadmapItem[] = [];
  const backlog: BacklogItem[] = [];
  const wiki: WikiPage[] = [];

  for (const file of files) {
    const { role } = file;
    const where = display(file.path);
    if (role.kind === 'site') continue;

    if (role.kind === 'backlogList') {
      const parsed = parseYaml(file.text);
      if (reportSyntax(parsed, where, diagnostics)) continue;
      if (!Array.isArray(parsed.data)) {
        diagnostics.push({
          severity: 'error',
          file: where,
          line: 1,
          field: '(file)',
          value: parsed.data,
          message: `expected a list of backlog items (each with id, title, type, status), got ${showValue(parsed.data)}`,
        });
        continue;
      }
      parsed.data.forEach((raw, index) => {
        const result = validate(backlogListItemSchema, raw, {
          file: where,
          parsed,
          basePath: [index],
          known: KNOWN_FIELDS.backlogList!,
        });
        diagnostics.push(...result.diagnostics);
        if (!result.data) return;
        const { id, ...fields } = result.data;
        const item = backlogItem(fields, { id, file: file.path, hasBody: false }, defaultVisibility);
        backlog.push(item);
        located.push({
          entry: item,
          file: where,
          lineOf: (p) => parsed.lineOf([index, ...p]),
          fieldPrefix: [index],
          links: [],
        });
      });
      continue;
    }

    const parsed = parseFrontmatter(file.text);
    if (reportSyntax(parsed, where, diagnostics)) continue;
    const hasBody = parsed.body.trim().length > 0;
    const ctx = { file: where, parsed };
    const base = (id: string) => ({ id, file: file.path, hasBody });
    const keep = (entry: EntryBase) =>
      located.push({
        entry,
        file: where,
        lineOf: (path) => parsed.lineOf(path),
        fieldPrefix: [],
        links: bodyLinks(parsed.body, parsed.bodyLine),
      });

    switch (role.kind) {
      case 'mission': {
        const r = validate(missionSchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.mission! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const m: Mission = {
            ...common('mission', r.data, base('mission'), defaultVisibility, 'Mission'),
            statement: r.data.statement,
          };
          missions.push(m);
          keep(m);
        }
        break;
      }
      case 'vision': {
        const r = validate(visionSchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.vision! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const v: Vision = {
            ...common('vision', r.data, base('vision'), defaultVisibility, 'Vision'),
            statement: r.data.statement,
            horizon: r.data.horizon ?? null,
          };
          visions.push(v);
          keep(v);
        }
        break;
      }
      case 'strategy': {
        const r = validate(strategySchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.strategy! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const d = r.data;
          const doc: StrategyDoc = {
            ...common('strategy', d, base(role.id), defaultVisibility),
            summary: d.summary ?? null,
            order: d.order ?? null,
            milestones: (d.milestones ?? []).map((m) => ({
              title: m.title,
              date: m.date,
              description: m.description ?? null,
            })),
          };
          strategy.push(doc);
          keep(doc);
        }
        break;
      }
      case 'objective': {
        const r = validate(objectiveSchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.objective! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const d = r.data;
          const objective: Objective = {
            ...common('objective', d, base(role.id), defaultVisibility),
            period: d.period,
            parent: d.parent?.toLowerCase() ?? null,
            status: d.status ?? null,
            keyResults: d.keyResults.map((kr) => ({
              id: kr.id ?? null,
              title: kr.title,
              start: kr.start,
              target: kr.target,
              current: kr.current,
              unit: kr.unit ?? null,
              confidence: kr.confidence ?? null,
            })),
          };
          objectives.push(objective);
          keep(objective);
        }
        break;
      }
      case 'roadmap': {
        const r = validate(roadmapSchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.roadmap! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const d = r.data;
          const item: RoadmapItem = {
            ...common('roadmap', d, base(role.id), defaultVisibility),
            summary: d.summary,
            theme: d.theme,
            status: d.status,
            start: d.start ?? null,
            end: d.end ?? null,
            quarter: d.quarter ?? null,
            horizon: d.horizon ?? null,
            objectives: (d.objectives ?? []).map((id) => id.toLowerCase()),
            dependsOn: (d.dependsOn ?? []).map((id) => id.toLowerCase()),
            team: d.team ?? null,
            confidence: d.confidence ?? null,
            tags: d.tags ?? [],
            tracker: d.tracker ?? null,
          };
          roadmap.push(item);
          keep(item);
        }
        break;
      }
      case 'backlog': {
        const r = validate(backlogFileSchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.backlogFile! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const item = backlogItem(r.data, base(role.id), defaultVisibility);
          backlog.push(item);
          keep(item);
        }
        break;
      }
      case 'wiki': {
        const r = validate(wikiSchema, parsed.data, { ...ctx, known: KNOWN_FIELDS.wiki! });
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          const page: WikiPage = {
            ...common('wiki', r.data, base(role.id), defaultVisibility),
            summary: r.data.summary ?? null,
            order: r.data.order ?? null,
          };
          wiki.push(page);
          keep(page);
        }
        break;
      }
    }
  }

  for (const [kind, found] of [
    ['mission', files.filter((f) => f.role.kind === 'mission')],
    ['vision', files.filter((f) => f.role.kind === 'vision')],
  ] as const) {
    if (found.length === 0) {
      diagnostics.push({
        severity: 'error',
        file: display(`${kind}.mdx`),
        field: '(file)',
        message: `missing; expected exactly one ${kind}.mdx (or ${kind}.md) with a statement`,
      });
    } else if (found.length > 1) {
      diagnostics.push({
        severity: 'error',
        file: display(found[1]!.path),
        field: '(file)',
        value: found.map((f) => f.path),
        message: `${found.length} ${kind} files; expected exactly one`,
      });
    }
  }

  diagnostics.push(
    ...checkCrossReferences(located, {
      objective: new Set(files.flatMap((f) => (f.role.kind === 'objective' ? [f.role.id] : []))),
      roadmap: new Set(files.flatMap((f) => (f.role.kind === 'roadmap' ? [f.role.id] : []))),
      pages: new Set(
        files.flatMap((f) =>
          f.role.kind === 'mission' || f.role.kind === 'vision'
            ? [`${f.role.kind}/`]
            : 'id' in f.role && f.role.kind !== 'backlog'
              ? [pagePath(f.role.kind, f.role.id)]
              : [],
        ),
      ),
    }),
  );

  const sorted = sortDiagnostics(diagnostics);
  if (sorted.some((d) => d.severity === 'error') || !site || !missions[0] || !visions[0]) {
    return { content: null, diagnostics: sorted };
  }
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    content: {
      site,
      mission: missions[0],
      vision: visions[0],
      strategy: byId(strategy),
      objectives: byId(objectives),
      roadmap: byId(roadmap),
      backlog: byId(backlog),
      wiki: byId(wiki),
    },
    diagnostics: sorted,
  };
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

function common<K extends EntryKind>(
  kind: K,
  data: {
    title?: string | undefined;
    visibility?: Visibility | undefined;
    updated?: string | undefined;
    owner?: string | string[] | undefined;
  },
  base: { id: string; file: string; hasBody: boolean },
  defaultVisibility: Visibility,
  defaultTitle?: string,
): EntryBase & { kind: K } {
  return {
    kind,
    ...base,
    title: data.title ?? defaultTitle ?? base.id,
    visibility: data.visibility ?? defaultVisibility,
    updated: data.updated ?? null,
    owners: data.owner === undefined ? [] : [data.owner].flat(),
  };
}

function backlogItem(
  d: z.infer<typeof backlogFileSchema>,
  base: { id: string; file: string; hasBody: boolean },
  defaultVisibility: Visibility,
): BacklogItem {
  return {
    ...common('backlog', d, base, defaultVisibility),
    type: d.type,
    status: d.status,
    epic: d.epic?.toLowerCase() ?? null,
    sprint: d.sprint ?? null,
    points: d.points ?? null,
    notes: d.notes ?? null,
  };
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
