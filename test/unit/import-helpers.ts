import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/lib/content/diagnostics.ts';
import { importExport, type ImportOutcome } from '../../src/lib/import/import.ts';
import type { ImportSettings } from '../../src/lib/import/settings.ts';
import type { Source } from '../../src/lib/import/types.ts';
import { FIXTURES } from '../support/build.ts';

/** Shared by the import tests: the fixture exports, and the pure import run on them. */

export const EXPORTS = join(FIXTURES, 'import', 'exports');
export const exportText = (name: string) => readFileSync(join(EXPORTS, name), 'utf8');

/** The roadmap items of test/fixtures/import/content and their trackers. */
export const ROADMAP = [
  { id: 'sso', tracker: 'PLAT-1', file: 'content/roadmap/sso.md' },
  { id: 'search', tracker: 'https://acme.atlassian.net/browse/PLAT-20', file: 'content/roadmap/search.md' },
  { id: 'mobile', tracker: 'Mobile app', file: 'content/roadmap/mobile.md' },
  { id: 'beacon-alerts', tracker: 'https://github.com/acme/beacon/issues/3', file: 'content/roadmap/beacon-alerts.md' },
  { id: 'onboarding', tracker: 'acme/beacon#40', file: 'content/roadmap/onboarding.md' },
  { id: 'billing', tracker: 'Billing revamp', file: 'content/roadmap/billing.md' },
];
export const FIXTURE_SETTINGS: ImportSettings = {
  statusMap: { 'Ready for QA': 'in-progress' },
  typeMap: { Improvement: 'story' },
};

export function run(
  source: Source,
  text: string,
  options: { settings?: ImportSettings; existing?: string | null; roadmap?: typeof ROADMAP } = {},
): ImportOutcome {
  return importExport({
    source,
    text,
    file: `export.${source === 'github' ? 'json' : 'csv'}`,
    settings: options.settings ?? FIXTURE_SETTINGS,
    roadmap: options.roadmap ?? ROADMAP,
    existing: options.existing ?? null,
    outFile: `content/backlog/${source}.yaml`,
  });
}

export const item = (outcome: ImportOutcome, id: string) => outcome.items.find((i) => i.id === id);
export const messages = (outcome: ImportOutcome) => outcome.diagnostics.map(formatDiagnostic);
export const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
