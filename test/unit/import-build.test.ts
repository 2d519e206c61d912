import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { FIXTURES, OUTPUT, runBuild } from '../support/build.ts';
import { EXPORTS } from './import-helpers.ts';

/**
 * One real build of a content folder whose backlog came from the three trackers' exports:
 * what `cairn import` writes is content the site is built from, not only content that validates.
 */
const root = join(OUTPUT, 'import-build');
const content = join(root, 'content');
const out = join(root, 'dist');
let build: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(join(FIXTURES, 'import', 'content'), content, { recursive: true });
  const io = { log: () => {}, error: () => {} };
  for (const [source, file] of [
    ['jira', 'jira.csv'],
    ['linear', 'linear-34.csv'],
    ['github', 'github.json'],
  ] as const) {
    const code = await runImport(
      { source, file: join(EXPORTS, file), dryRun: false, contentDir: content, projectRoot: root },
      io,
    );
    expect(code).toBe(0);
  }
  build = await runBuild({ content, out, audience: 'public' });
});

describe('a site built from imported backlog items', () => {
  it('builds', () => {
    expect(build.code, build.stderr).toBe(0);
  });

  it('lists every imported item on /backlog/, under the roadmap item its epic names', async () => {
    const html = await readFile(join(out, 'backlog', 'index.html'), 'utf8');
    for (const id of ['PLAT-2', 'PLAT-5', 'PLAT-9', 'MOB-9', 'MOB-11', 'beacon-12', 'beacon-web-2']) {
      expect(html).toContain(`id="item-${id}"`);
    }
    expect(html).toContain('SAML login for Okta, Azure AD and Google');
    expect(html).toContain('href="/roadmap/sso/"');
    expect(html).toContain('href="/roadmap/beacon-alerts/"');
  });
});
