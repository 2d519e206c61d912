import { z } from 'astro/zod';
import { isIsoDate } from '../model/dates.ts';
import {
  BACKLOG_STATUSES,
  BACKLOG_TYPES,
  CONFIDENCES,
  HORIZONS,
  OBJECTIVE_STATUSES,
  ROADMAP_STATUSES,
  VISIBILITIES,
} from '../model/types.ts';
import { importSettingsSchema } from '../import/settings.ts';

/**
 * The authoring contract (shared/spec/content-model.md) as zod schemas. Each schema checks one
 * entry on its own; checks that need other entries (references, duplicates, cycles) live in
 * `cross-checks.ts`. Messages say what was expected; the loader adds the file, line and value.
 */

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });

/** YAML reads `horizon: 2028` or `sprint: 12` as numbers; authors mean the text. */
const label = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text);

/** `""` (or only spaces): how a template leaves a field empty. */
const isBlank = (v: unknown): boolean => typeof v === 'string' && v.trim() === '';

/**
 * An optional field: absent, `null` (`owner:` with nothing after it) or written as an empty
 * string all mean "not given" (spec: "An optional text field written as an empty string
 * means the field is absent"). Every optional field of every kind goes through this, so no
 * field can be forgotten.
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (isBlank(v) || v === null ? undefined : v), schema.optional()).optional();
}

/** Years a roadmap date may fall in: anything else is a typo (`0202-03-01`), and would draw a timeline spanning centuries. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;
const yearInRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const YEAR_RANGE = `expected a year from ${MIN_YEAR} to ${MAX_YEAR}`;

export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'expected a real calendar date written YYYY-MM-DD', abort: true })
  .refine(yearInRange, { error: YEAR_RANGE });

export const PERIOD_PATTERN = /^\d{4}(-(Q[1-4]|H[12]))?$/;
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
export const PERIOD_FORMS =
  'a fiscal period written YYYY-Qn (quarter), YYYY-Hn (half) or YYYY (year), e.g. 2027-Q1, 2027-H2, 2027';

const period = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string({ error: `expected ${PERIOD_FORMS}` }))
  .refine((v) => PERIOD_PATTERN.test(v), { error: `expected ${PERIOD_FORMS}`, abort: true })
  .refine(yearInRange, { error: YEAR_RANGE });
const quarter = label
  .refine((v) => QUARTER_PATTERN.test(v), {
    error:
      'expected a fiscal quarter written YYYY-Qn (e.g. 2027-Q1); for a half or a year write period: 2027-H1 or period: 2027',
    abort: true,
  })
  .refine(yearInRange, { error: YEAR_RANGE });

const idRef = label;
/** A list of ids; blank entries (`[a, ""]`) are dropped like any blank optional value. */
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((x) => !isBlank(x) && x !== null) : v),
  z.array(idRef, { error: 'expected a list of ids' }),
);
const names = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((x) => !isBlank(x) && x !== null) : v),
  z.union([label, z.array(label)], { error: 'expected a name or a list of names' }),
);
/** YAML reads `.inf` and `.nan` as numbers; no roadmap figure is either. */
const finite = z.number({ error: 'expected a number' });

const common = {
  title: text,
  visibility: optional(z.enum(VISIBILITIES)),
  updated: optional(isoDate),
  owner: optional(names),
};

export const missionSchema = z.object({
  ...common,
  title: optional(text),
  statement: text,
});

export const visionSchema = z.object({
  ...common,
  title: optional(text),
  statement: text,
  horizon: optional(label),
});

export const milestoneSchema = z.object({
  title: text,
  date: isoDate,
  description: optional(text),
});

export const strategySchema = z.object({
  ...common,
  summary: optional(text),
  order: optional(finite),
  milestones: optional(z.array(milestoneSchema)),
});

/**
 * A key result is measured (`start`, `target`, `current`) or a milestone (`done`). One record
 * with every field, checked as a whole, so each mistake is reported at its own field rather
 * than as "matched neither form".
 */
export const keyResultFields = z.object({
  id: optional(label),
  title: text,
  start: optional(finite),
  target: optional(finite),
  /** `null` or absent: not measured yet. */
  current: optional(finite),
  unit: optional(label),
  confidence: optional(
    finite
      .min(0, { error: 'expected a confidence from 0 to 1 (0.7 for 70%)' })
      .max(1, { error: 'expected a confidence from 0 to 1 (0.7 for 70%)' }),
  ),
  done: optional(z.boolean({ error: 'expected true or false' })),
});

const MEASURED_ONLY = ['start', 'target', 'current', 'unit'] as const;

export const keyResultSchema = keyResultFields.superRefine(
  (kr, ctx) => {
    const raw = kr as Record<string, unknown>;
    if (raw.done !== undefined) {
      for (const field of MEASURED_ONLY) {
        if (raw[field] === undefined) continue;
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: raw[field],
          message: `a milestone key result (done: true or false) has no ${field}; expected either done, or start, target and current`,
        });
      }
      return;
    }
    for (const field of ['start', 'target'] as const) {
      if (raw[field] !== undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [field],
        input: undefined,
        message: `required field is missing; expected a number (a measured key result has start and target; a milestone has done: true or false)`,
      });
    }
    if (typeof raw.start === 'number' && raw.target === raw.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        input: raw.target,
        message: 'target equals start, so progress cannot be measured; expected a target different from start',
      });
    }
  },
  // Run even when another field of the key result is wrong, so one run reports every problem.
  { when: () => true },
);

export const objectiveSchema = z
  .object({
    ...common,
    period: period,
    start: optional(isoDate),
    end: optional(isoDate),
    parent: optional(idRef),
    status: optional(z.enum(OBJECTIVE_STATUSES)),
    keyResults: optional(z.array(keyResultSchema)),
  })
  .superRefine(
    (o, ctx) => {
      const { start, end } = o as { start?: unknown; end?: unknown };
      if (typeof start === 'string' && typeof end === 'string' && isIsoDate(start) && isIsoDate(end) && end < start) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          input: end,
          message: `end is before start (${start}); expected end on or after start`,
        });
      }
    },
    { when: () => true },
  );

export const roadmapSchema = z
  .object({
    ...common,
    summary: text,
    theme: label,
    status: z.enum(ROADMAP_STATUSES),
    start: optional(isoDate),
    end: optional(isoDate),
    period: optional(period),
    quarter: optional(quarter),
    horizon: optional(z.enum(HORIZONS)),
    objectives: optional(idList),
    dependsOn: optional(idList),
    team: optional(label),
    confidence: optional(z.enum(CONFIDENCES)),
    tags: optional(
      z.preprocess((v) => (Array.isArray(v) ? v.filter((x) => !isBlank(x) && x !== null) : v), z.array(label)),
    ),
    tracker: optional(label),
  })
  .superRefine(checkRoadmapTime, { when: () => true });

/** Runs on partly invalid input too (so every problem shows in one run): each check guards its types. */
function checkRoadmapTime(
  item: { start?: unknown; end?: unknown; quarter?: unknown; period?: unknown },
  ctx: z.RefinementCtx,
): void {
  const given = (v: unknown) => v !== undefined && v !== null && !isBlank(v);
  const hasDates = given(item.start) || given(item.end);
  if (given(item.period) && given(item.quarter)) {
    ctx.addIssue({
      code: 'custom',
      path: ['quarter'],
      input: item.quarter,
      message: `both period (${String(item.period)}) and quarter are given; expected one of them (quarter is the older spelling of period)`,
    });
  }
  for (const field of ['period', 'quarter'] as const) {
    if (!given(item[field]) || !hasDates) continue;
    ctx.addIssue({
      code: 'custom',
      path: [field],
      input: item[field],
      message: `expected either ${field} or start and end, not both`,
    });
  }
  if (given(item.start) !== given(item.end)) {
    const missing = given(item.start) ? 'end' : 'start';
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      input: undefined,
      message: `expected start and end together; ${missing} is missing`,
    });
  }
  const { start, end } = item;
  if (typeof start === 'string' && typeof end === 'string' && isIsoDate(start) && isIsoDate(end) && end < start) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      input: end,
      message: `end is before start (${start}); expected end on or after start`,
    });
  }
}

const backlogFields = {
  ...common,
  type: z.enum(BACKLOG_TYPES),
  status: z.enum(BACKLOG_STATUSES),
  epic: optional(idRef),
  sprint: optional(label),
  points: optional(finite.min(0)),
  notes: optional(text),
};

/** A backlog item in its own MDX file: its id is the file's path. */
export const backlogFileSchema = z.object(backlogFields);
/** A backlog item in a YAML/JSON list: it names its own id. */
export const backlogListItemSchema = z.object({ id: label, ...backlogFields });
/** `defaults:` of a backlog file: any item field but id and title, each checked as in an item. */
export const backlogDefaultsSchema = backlogFileSchema.omit({ title: true }).partial();
/** The mapping form of a backlog file (the other form is a bare list of items). */
export const BACKLOG_FILE_KEYS = ['defaults', 'items'] as const;

export const wikiSchema = z.object({
  ...common,
  summary: optional(text),
  order: optional(finite),
});

export const themeSchema = z.object({
  id: label,
  color: optional(
    z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'expected a hex colour such as "#2f6fed"' }),
  ),
  description: optional(text),
});

export const siteSchema = z.object({
  title: text,
  description: optional(text),
  url: optional(
    z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://roadmap.example.com' }),
  ),
  defaultVisibility: optional(z.enum(VISIBILITIES)),
  fiscalYearStartMonth: optional(
    z
      .number()
      .int({ error: 'expected a whole month number from 1 to 12' })
      .min(1, { error: 'expected a month number from 1 to 12' })
      .max(12, { error: 'expected a month number from 1 to 12' }),
  ),
  staleAfterDays: optional(
    z
      .number()
      .int({ error: 'expected a whole number of days, at least 1' })
      .min(1, { error: 'expected a whole number of days, at least 1' }),
  ),
  themes: optional(z.array(themeSchema)),
  /** Where tracker keys (`PLAT-12`) link: the key is appended (`https://acme.atlassian.net/browse/`). */
  trackerUrl: optional(
    z.url({
      protocol: /^https?$/,
      error: 'expected an absolute http(s) URL such as https://acme.atlassian.net/browse/',
    }),
  ),
  import: optional(importSettingsSchema),
});

/** Field names each kind knows, to warn about typos such as `satus`. */
export const KNOWN_FIELDS: Record<string, readonly string[]> = {
  site: Object.keys(siteSchema.shape),
  mission: Object.keys(missionSchema.shape),
  vision: Object.keys(visionSchema.shape),
  strategy: Object.keys(strategySchema.shape),
  objective: Object.keys(objectiveSchema.shape),
  roadmap: Object.keys(roadmapSchema.shape),
  backlogFile: Object.keys(backlogFileSchema.shape),
  backlogList: Object.keys(backlogListItemSchema.shape),
  wiki: Object.keys(wikiSchema.shape),
};

/** Field names of the records inside lists (key results, milestones, themes), for the same warning. */
export const NESTED_FIELDS: Record<string, readonly string[]> = {
  keyResults: Object.keys(keyResultFields.shape),
  milestones: Object.keys(milestoneSchema.shape),
  themes: Object.keys(themeSchema.shape),
};
