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

export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'expected a real calendar date written YYYY-MM-DD' });

export const PERIOD_PATTERN = /^\d{4}(-(Q[1-4]|H[12]))?$/;
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

const period = label.refine((v) => PERIOD_PATTERN.test(v), {
  error: 'expected a fiscal period written YYYY-Qn, YYYY-Hn or YYYY (e.g. 2027-Q1)',
});
const quarter = label.refine((v) => QUARTER_PATTERN.test(v), {
  error: 'expected a fiscal quarter written YYYY-Qn (e.g. 2027-Q1)',
});

const idRef = label;
const idList = z.array(idRef, { error: 'expected a list of ids' });

const common = {
  title: text,
  visibility: z.enum(VISIBILITIES).optional(),
  updated: isoDate.optional(),
  owner: z.union([label, z.array(label)], { error: 'expected a name or a list of names' }).optional(),
};

export const missionSchema = z.object({
  ...common,
  title: text.optional(),
  statement: text,
});

export const visionSchema = z.object({
  ...common,
  title: text.optional(),
  statement: text,
  horizon: label.optional(),
});

export const milestoneSchema = z.object({
  title: text,
  date: isoDate,
  description: text.optional(),
});

export const strategySchema = z.object({
  ...common,
  summary: text.optional(),
  order: z.number().optional(),
  milestones: z.array(milestoneSchema).optional(),
});

export const keyResultSchema = z
  .object({
    id: label.optional(),
    title: text,
    start: z.number(),
    target: z.number(),
    current: z.number(),
    unit: label.optional(),
    confidence: z.number().min(0).max(1).optional(),
  })
  .refine((kr) => typeof kr.start !== 'number' || kr.target !== kr.start, {
    path: ['target'],
    error: 'target equals start, so progress cannot be measured; expected a target different from start',
    // Run even when another field of the key result is wrong, so one run reports every problem.
    when: () => true,
  });

export const objectiveSchema = z.object({
  ...common,
  period,
  parent: idRef.optional(),
  status: z.enum(OBJECTIVE_STATUSES).optional(),
  keyResults: z.array(keyResultSchema).min(1, { error: 'expected at least one key result' }),
});

export const roadmapSchema = z
  .object({
    ...common,
    summary: text,
    theme: label,
    status: z.enum(ROADMAP_STATUSES),
    start: isoDate.optional(),
    end: isoDate.optional(),
    quarter: quarter.optional(),
    horizon: z.enum(HORIZONS).optional(),
    objectives: idList.optional(),
    dependsOn: idList.optional(),
    team: label.optional(),
    confidence: z.enum(CONFIDENCES).optional(),
    tags: z.array(label).optional(),
    tracker: label.optional(),
  })
  .superRefine(checkRoadmapTime, { when: () => true });

/** Runs on partly invalid input too (so every problem shows in one run): each check guards its types. */
function checkRoadmapTime(item: { start?: unknown; end?: unknown; quarter?: unknown }, ctx: z.RefinementCtx): void {
  if (item.quarter !== undefined && (item.start !== undefined || item.end !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['quarter'],
      input: item.quarter,
      message: 'expected either quarter or start and end, not both',
    });
  }
  if ((item.start === undefined) !== (item.end === undefined)) {
    const missing = item.start === undefined ? 'start' : 'end';
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
  epic: idRef.optional(),
  sprint: label.optional(),
  points: z.number().min(0).optional(),
  notes: text.optional(),
};

/** A backlog item in its own MDX file: its id is the file's path. */
export const backlogFileSchema = z.object(backlogFields);
/** A backlog item in a YAML/JSON list: it names its own id. */
export const backlogListItemSchema = z.object({ id: label, ...backlogFields });

export const wikiSchema = z.object({
  ...common,
  summary: text.optional(),
  order: z.number().optional(),
});

export const themeSchema = z.object({
  id: label,
  color: z
    .string()
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'expected a hex colour such as "#2f6fed"' })
    .optional(),
  description: text.optional(),
});

export const siteSchema = z.object({
  title: text,
  description: text.optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://roadmap.example.com' })
    .optional(),
  defaultVisibility: z.enum(VISIBILITIES).optional(),
  fiscalYearStartMonth: z
    .number()
    .int({ error: 'expected a whole month number from 1 to 12' })
    .min(1, { error: 'expected a month number from 1 to 12' })
    .max(12, { error: 'expected a month number from 1 to 12' })
    .optional(),
  staleAfterDays: z
    .number()
    .int({ error: 'expected a whole number of days, at least 1' })
    .min(1, { error: 'expected a whole number of days, at least 1' })
    .optional(),
  themes: z.array(themeSchema).optional(),
  import: importSettingsSchema.optional(),
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
  keyResults: Object.keys(keyResultSchema.shape),
  milestones: Object.keys(milestoneSchema.shape),
  themes: Object.keys(themeSchema.shape),
};
