import { isAbsolute, resolve } from 'node:path';
import { isIsoDate, todayUtc, type IsoDate } from './model/dates.ts';
import type { Audience } from './model/types.ts';
import { siteBase } from './site/links.ts';
import { UsageError } from './errors.ts';

/** The build switches of the spec, read from the environment once and checked. */
export interface BuildConfig {
  projectRoot: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  audience: Audience;
  today: IsoDate;
  /**
   * Always with leading and trailing slash: `/` or `/pr-42/`. `ROADMAP_BASE`, else the path of
   * site.yaml's `url` (when the caller knows it), else `/`.
   */
  base: string;
  compareBase: string | null;
  /** How many of the most recent commits that touched the content folder /changes/ reads; 0: none. */
  historyLimit: number;
}

/** Default for ROADMAP_HISTORY_LIMIT. */
export const DEFAULT_HISTORY_LIMIT = 200;

/** A build switch (variable or flag) has a value Cairn cannot use: wrong usage, exit code 2. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/**
 * `siteUrl` is site.yaml's `url`, which gives the default base path; the config is first read
 * without it (to find the content folder), then again once the content is loaded.
 */
export function readBuildConfig(env: Env, projectRoot: string, now: Date, siteUrl: string | null = null): BuildConfig {
  const problems: string[] = [];
  const audience = env.ROADMAP_AUDIENCE?.trim() || 'public';
  if (audience !== 'public' && audience !== 'internal') {
    problems.push(`ROADMAP_AUDIENCE: got ${JSON.stringify(audience)}; expected public or internal`);
  }
  const today = env.ROADMAP_TODAY?.trim() || todayUtc(now);
  if (!isIsoDate(today)) {
    problems.push(`ROADMAP_TODAY: got ${JSON.stringify(today)}; expected a real date written YYYY-MM-DD`);
  }
  const historyLimit = env.ROADMAP_HISTORY_LIMIT?.trim() || String(DEFAULT_HISTORY_LIMIT);
  if (!/^\d+$/.test(historyLimit)) {
    problems.push(
      `ROADMAP_HISTORY_LIMIT: got ${JSON.stringify(historyLimit)}; expected a whole number of commits (0 turns history off)`,
    );
  }
  if (problems.length) throw new ConfigError(problems.join('\n'));
  const content = env.ROADMAP_CONTENT?.trim() || 'content';
  return {
    projectRoot,
    contentDir: isAbsolute(content) ? content : resolve(projectRoot, content),
    audience: audience as Audience,
    today,
    base: siteBase(env.ROADMAP_BASE, siteUrl),
    compareBase: env.ROADMAP_COMPARE_BASE?.trim() || null,
    historyLimit: Number(historyLimit),
  };
}
