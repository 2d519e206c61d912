import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { OUTPUT, readSiteTexts, runBuild, type BuildResult } from '../support/build.ts';
import { type TempRepo, md, tempRepo } from '../support/git.ts';

/**
 * History from a repository whose past holds what must neither leak nor break a build: an
 * entry renamed and made internal in one commit (its past names are "kestrel"), a commit whose
 * body link has a malformed % escape, and one whose backlog YAML uses an anchor 150 times.
 */
const CANARY = /kestrel/i;
let repo: TempRepo;
const commits: Record<string, string> = {};
const builds: Record<string, BuildResult> = {};
const out = (name: string) => join(OUTPUT, `history-trust-${name}`);

const site = 'title: Trust History\nurl: https://trust.example\ndefaultVisibility: public\n';
const item = (title: string, extra = '') =>
  md(`title: ${title}\nsummary: ${title} summary\ntheme: Core\nstatus: planned\nquarter: 2027-Q1\n${extra}`, 'Body.\n');
const anchors = `- &story\n  id: S-0\n  title: Story\n  type: story\n  status: todo\n  epic: kestrel-launch\n${Array.from(
  { length: 150 },
  (_, i) => `- id: S-${i + 1}\n  title: Story ${i + 1}\n  type: story\n  status: doing\n  notes: *story\n`,
).join('')}`;

beforeAll(async () => {
  repo = await tempRepo('cairn-history-trust-');
  await repo.write({
    'content/site.yaml': site,
    'content/mission.md': md('statement: Be trusted.'),
    'content/vision.md': md('statement: Nothing leaks.'),
    'content/roadmap/kestrel-launch.md': item('Kestrel launch'),
    'content/roadmap/search.md': item('Search'),
  });
  commits.plan = await repo.commit('Plan', '2026-03-02T09:00:00Z');
  await repo.write({
    'content/roadmap/search.md': item('Search', 'status: in-progress\n').replace('status: planned\n', ''),
  });
  commits.start = await repo.commit('Start search', '2026-04-02T09:00:00Z');
  // Renamed and made internal in the same commit.
  await repo.move('content/roadmap/kestrel-launch.md', 'content/roadmap/launch.md');
  await repo.write({ 'content/roadmap/launch.md': item('Kestrel launch', 'visibility: internal\n') });
  commits.hide = await repo.commit('Rename and hide', '2026-05-02T09:00:00Z');
  await repo.write({ 'content/wiki/links.md': md('title: Links', '[bad](/wiki/%E0%A4%A/)\n') });
  commits.badLink = await repo.commit('A malformed link', '2026-06-02T09:00:00Z');
  await repo.write({ 'content/backlog/stories.yaml': anchors });
  commits.anchors = await repo.commit('Anchors', '2026-07-02T09:00:00Z');
  await repo.remove('content/backlog/stories.yaml', 'content/wiki/links.md');
  commits.fixed = await repo.commit('Fix', '2026-08-02T09:00:00Z');
  const content = join(repo.dir, 'content');
  const env = (limit: number) => ({
    ROADMAP_HISTORY_LIMIT: String(limit),
    CAIRN_CACHE_DIR: join(OUTPUT, 'history-trust-cache'),
  });
  await rm(join(OUTPUT, 'history-trust-cache'), { recursive: true, force: true });
  const [full, one] = await Promise.all([
    runBuild({ content, out: out('public'), env: env(50) }),
    runBuild({ content, out: out('limit-1'), env: env(1) }),
  ]);
  builds.full = full;
  builds.one = one;
});

afterAll(() => repo.cleanup());

describe('history with commits that cannot be read or validated', () => {
  it('builds, with one warning per skipped commit naming it and its first problem', () => {
    expect(builds.full!.code, builds.full!.stderr).toBe(0);
    const warnings = builds.full!.stderr.split('\n').filter((l) => l.startsWith('warning History:'));
    expect(warnings).toEqual([expect.stringContaining(`at commit ${commits.anchors!.slice(0, 7)} (`)]);
    // The anchors are valid YAML and are read; what the commit gets wrong is its content, and
    // the warning names the first problem by file, line and field.
    expect(warnings[0], warnings[0]).toMatch(
      /did not validate at commit \w+ \(content@\w+\/backlog\/stories\.yaml:\d+: S-\d+\.\w+: /,
    );
    expect(warnings[0]).not.toMatch(/Excessive alias count/);
    expect(builds.full!.stderr).not.toMatch(/^\s+at /m);
  });

  it('builds with ROADMAP_HISTORY_LIMIT=1 when the only commit read comes after a broken one', () => {
    expect(builds.one!.code, builds.one!.stderr).toBe(0);
    expect(builds.one!.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('an entry renamed and made internal in one commit', () => {
  it('has no public past under its old name: not in /changes/, the feed or any file', async () => {
    const changes = await readFile(join(out('public'), 'changes', 'index.html'), 'utf8');
    expect(changes).toContain('Search');
    const leaks = [...(await readSiteTexts(out('public')))].filter(([, text]) => CANARY.test(text)).map(([f]) => f);
    expect(leaks).toEqual([]);
  });
});
