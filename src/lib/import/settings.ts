import { z } from 'astro/zod';
import { BACKLOG_STATUSES, BACKLOG_TYPES, type BacklogStatus, type BacklogType } from '../model/types.ts';

/**
 * `site.yaml` `import:`: how this workspace's tracker names map onto Cairn's statuses and types.
 * Keys are the tracker's names as exported (`"Ready for QA"`, `Improvement`); they are matched
 * exactly first, then ignoring case.
 */
export const importSettingsSchema = z.object({
  statusMap: z
    .record(z.string(), z.enum(BACKLOG_STATUSES), { error: 'expected a mapping of tracker status names to statuses' })
    .optional(),
  typeMap: z
    .record(z.string(), z.enum(BACKLOG_TYPES), { error: 'expected a mapping of tracker type or label names to types' })
    .optional(),
});

export interface ImportSettings {
  statusMap: Record<string, BacklogStatus>;
  typeMap: Record<string, BacklogType>;
}

export const NO_IMPORT_SETTINGS: ImportSettings = { statusMap: {}, typeMap: {} };

export function importSettings(parsed: z.infer<typeof importSettingsSchema> | undefined): ImportSettings {
  return { statusMap: parsed?.statusMap ?? {}, typeMap: parsed?.typeMap ?? {} };
}

/** A map's value for `name`: the exact key first, then one that differs only in case. */
export function lookup<T>(map: Record<string, T>, name: string): T | undefined {
  if (Object.hasOwn(map, name)) return map[name];
  const lower = name.toLowerCase();
  const key = Object.keys(map).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : map[key];
}
