import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, listFiles, readSiteTexts, runBuild, runScript } from '../support/build.ts';

/**
 * `test/fixtures/unseen` was written from the spec alone, the way a team that never saw
 * Cairn's sample would: empty optional strings, half-year and year periods, several owners,
 * an objective with its own cycle, milestone and unmeasured key results, one with none at all,
 * backlog files with defaults, unquoted dates, a symlinked site.yaml and entry. Its site.yaml
 * has a `url` with a path (a project Pages site), built with `ROADMAP_BASE` set to that path,
 * as the Pages workflow does.
 */
const FIXTURE = join(FIXTURES, 'unseen');
const TODAY = '2026-11-21';
const ORIGIN = 'https://harbor-team.github.io';
const publicOut = join(OUTPUT, 'unseen-public');
const internalOut = join(OUTPUT, 'unseen-internal');

const check = (content: string, args: string[] = []) =>
  runScript('check.ts', args, { ...process.env, ROADMAP_CONTENT: content, ROADMAP_TODAY: TODAY });

/** No Node stack frame (`    at fn (file:line)`) in what a person reads. */
const STACK_FRAME = /^\s+at .+:\d+/m;

describe('content written from the spec alone', () => {
  beforeAll(async () => {
    await Promise.all([publicOut, internalOut].map((dir) => rm(dir, { recursive: true, force: true })));
    for (const [audience, out] of [
      ['public', publicOut],
      ['internal', internalOut],
    ] as const) {
      const result = await runBuild({ content: FIXTURE, out, audience, today: TODAY, base: '/roadmap/' });
      expect(result.code, result.stderr).toBe(0);
    }
  }, 240_000);

  it('passes check, with only the warning the spec asks for (an objective without key results)', async () => {
    const result = await check(FIXTURE);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Content is valid: 21 entries, 1 warning');
    expect(result.stderr).toContain(
      'objectives/culture.md:2: keyResults: no key results, so progress is "not measured"',
    );
  });

  it('fails check --strict on that warning, and says so instead of calling the content valid', async () => {
    const result = await check(FIXTURE, ['--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Check failed (--strict): 1 warning above');
    expect(result.stdout).not.toContain('Content is valid');
  });

  it('builds both audiences', () => {
    expect(existsSync(join(publicOut, 'index.html'))).toBe(true);
    expect(existsSync(join(internalOut, 'index.html'))).toBe(true);
  });

  it('expands a half-year and a quarter to their fiscal dates in roadmap.json, with period, owners and tracker', async () => {
    const json = JSON.parse(await readFile(join(publicOut, 'roadmap.json'), 'utf8'));
    const item = (id: string) => json.items.find((i: { id: string }) => i.id === id);
    // fiscalYearStartMonth 4: FY2027 H2 runs Oct 2026 - Mar 2027, FY2027 Q3 Oct - Dec 2026.
    expect(item('guided-setup')).toMatchObject({
      start: '2026-10-01',
      end: '2027-03-31',
      period: '2027-H2',
      team: null,
      tags: ['onboarding'],
      owners: ['Ana Ruiz', 'Li Wei'],
      tracker: 'HAR-12',
    });
    expect(item('multi-region')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', period: '2027-Q3' });
    expect(item('someday')).toMatchObject({ start: null, end: null, period: null, tracker: null, horizon: 'later' });
  });

  it('gives an objective its own start and end, and leaves unmeasured key results out of its progress', async () => {
    const json = JSON.parse(await readFile(join(publicOut, 'roadmap.json'), 'utf8'));
    const activation = json.objectives.find((o: { id: string }) => o.id === 'activation');
    expect(activation).toMatchObject({ period: '2027-H1', start: '2026-09-01', end: '2026-12-31' });
    expect(activation.owners).toEqual(['Ana Ruiz', 'Onboarding squad']);
    expect(activation.keyResults).toEqual([
      {
        title: 'Teams deploying in week one',
        start: 20,
        target: 60,
        current: 35,
        unit: null,
        progress: 0.375,
        kind: 'measured',
      },
      {
        title: 'Median time to first deploy',
        start: 72,
        target: 24,
        current: null,
        unit: 'hours',
        progress: null,
        kind: 'measured',
      },
      { title: 'Guided setup shipped', done: false, progress: 0, kind: 'milestone' },
    ]);
    // Mean of 0.375 and 0 (the milestone); the unmeasured one is left out.
    expect(activation.progress).toBe(0.1875);
    const trust = json.objectives.find((o: { id: string }) => o.id === 'trust');
    expect(trust).toMatchObject({ progress: 0.5, owners: ['SRE guild'] });
  });

  it('shows an objective without key results as not measured, on its page', async () => {
    const html = await readFile(join(internalOut, 'objectives/culture/index.html'), 'utf8');
    expect(html).toContain('No key results: progress is not measured.');
    expect(html).toMatch(/not measured/i);
    expect(html).not.toContain('0%');
  });

  it('shows a key result not measured yet as such, and a milestone as done or not', async () => {
    const html = await readFile(join(publicOut, 'objectives/activation/index.html'), 'utf8');
    expect(html).toContain('not measured yet');
    expect(html).toContain('Milestone · not done yet');
    expect(html).toContain('(its own cycle, not the fiscal period');
    expect(html).toContain('1 Sep 2026 – 31 Dec 2026');
  });

  it('links a tracker URL and shows a tracker key as text, on the item page', async () => {
    const status = await readFile(join(publicOut, 'roadmap/status-page/index.html'), 'utf8');
    expect(status).toContain('<a href="https://github.com/harbor-team/harbor/issues/88">');
    const guided = await readFile(join(publicOut, 'roadmap/guided-setup/index.html'), 'utf8');
    expect(guided).toContain('<code>HAR-12</code>');
    expect(guided).toContain('Ana Ruiz, Li Wei');
  });

  it('follows a symlinked entry whose target is inside the content folder', () => {
    expect(existsSync(join(internalOut, 'roadmap/partner-api/index.html'))).toBe(true);
  });

  it('applies a backlog file’s defaults to its items, unless an item sets the field (even to "")', async () => {
    const html = await readFile(join(publicOut, 'backlog/index.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // HAR-104 writes epic: "" against the default epic: it is an orphan.
    expect(text).toContain('Backlog items with no epic (1) Work that serves no roadmap item (orphans). HAR-104');
    const item = await readFile(join(publicOut, 'roadmap/guided-setup/index.html'), 'utf8');
    for (const id of ['HAR-101', 'HAR-102', 'HAR-103']) expect(item).toContain(id);
  });

  it('keeps everything internal out of the public build', async () => {
    const texts = await readSiteTexts(publicOut);
    for (const secret of ['Partner API', 'A year of docs', 'A team people want to join', 'HAR-202', 'HAR-300']) {
      for (const [file, text] of texts) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it('puts ROADMAP_BASE in place of the path of site.yaml’s url: every absolute URL it writes leads to a file of the site', async () => {
    const files = new Set(await listFiles(publicOut));
    const texts = await readSiteTexts(publicOut);
    const urls = new Set<string>();
    for (const [file, text] of texts) {
      if (!/\.(html|xml|json|txt)$/.test(file)) continue;
      for (const [url] of text.matchAll(/https:\/\/harbor-team\.github\.io[^"'<>\s)]*/g))
        urls.add(url.replace(/#.*$/, ''));
    }
    expect(urls.size).toBeGreaterThan(20);
    const broken = [...urls].filter((url) => {
      const path = url.slice(ORIGIN.length);
      if (!path.startsWith('/roadmap/')) return true;
      const inSite = decodeURI(path.slice('/roadmap/'.length));
      return !files.has(inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite);
    });
    expect(broken).toEqual([]);
  });

  it('writes canonical, Open Graph, sitemap, roadmap.json and RSS URLs under the path once, not twice', async () => {
    const home = await readFile(join(publicOut, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${ORIGIN}/roadmap/">`);
    expect(home).toContain(`<meta property="og:url" content="${ORIGIN}/roadmap/">`);
    expect(home).toMatch(new RegExp(`og:image" content="${ORIGIN}/roadmap/og/`));
    const sitemap = await readFile(join(publicOut, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${ORIGIN}/roadmap/roadmap/guided-setup/</loc>`);
    expect(sitemap).not.toContain(`${ORIGIN}/roadmap/roadmap/roadmap/`);
    const json = JSON.parse(await readFile(join(publicOut, 'roadmap.json'), 'utf8'));
    expect(json.site.url).toBe(`${ORIGIN}/roadmap/`);
    const rss = await readFile(join(publicOut, 'changes/rss.xml'), 'utf8');
    expect(rss).toContain(`<link>${ORIGIN}/roadmap/changes/</link>`);
    expect(rss).toContain(`href="${ORIGIN}/roadmap/changes/rss.xml"`);
  });

  // Golden files: an output change nobody meant shows as a diff of these. After a change that
  // is meant, review the diff and update them with `npx vitest run -u test/build/unseen-content.test.ts`.
  it('writes the roadmap.json and the item page of the golden files', async () => {
    for (const [audience, out] of [
      ['public', publicOut],
      ['internal', internalOut],
    ] as const) {
      await expect(await readFile(join(out, 'roadmap.json'), 'utf8')).toMatchFileSnapshot(
        `golden/unseen/${audience}/roadmap.json`,
      );
      await expect(await readFile(join(out, 'roadmap/guided-setup/index.html'), 'utf8')).toMatchFileSnapshot(
        `golden/unseen/${audience}/roadmap-guided-setup.html`,
      );
    }
  });
});

/** A copy of the fixture to break, keeping its symlinks as they are written. */
async function copyOfFixture(name: string): Promise<string> {
  const dir = join(OUTPUT, 'unseen-bad', name.replace(/\W+/g, '-'), 'content');
  await rm(join(dir, '..'), { recursive: true, force: true });
  await mkdir(join(dir, '..'), { recursive: true });
  await cp(FIXTURE, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

async function edit(dir: string, file: string, search: string, replacement: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(search)) throw new Error(`fixture ${file} has no ${JSON.stringify(search)}`);
  await writeFile(path, text.replace(search, replacement));
}

interface BadCase {
  name: string;
  breakIt(dir: string): Promise<void>;
  /** Each must appear in the output of check and of build (file:line: field: message). */
  expect: (string | RegExp)[];
}

const BAD: BadCase[] = [
  {
    name: 'a tab in a file name',
    breakIt: (dir) => writeFile(join(dir, 'roadmap', 'tab\there.md'), '---\ntitle: T\n---\n'),
    expect: [
      'content/roadmap/tab\\there.md: (file): the name holds a tab; expected file and folder names of letters, digits, -, _ and . only (rename it to "roadmap/tab-here.md")',
    ],
  },
  {
    name: 'a file named q?x#y.md',
    breakIt: (dir) => writeFile(join(dir, 'wiki', 'q?x#y.md'), '---\ntitle: Q\n---\nBody\n'),
    expect: [
      'content/wiki/q?x#y.md: (file): the name holds "?"; expected file and folder names',
      'rename it to "wiki/q-x-y.md"',
    ],
  },
  {
    name: 'a space in a folder name',
    breakIt: async (dir) => {
      await mkdir(join(dir, 'wiki', 'my team'));
      await writeFile(join(dir, 'wiki', 'my team', 'page.md'), '---\ntitle: P\n---\n');
    },
    expect: ['content/wiki/my team/page.md: (file): the name holds a space', 'rename it to "wiki/my-team/page.md"'],
  },
  {
    name: 'a symlinked entry pointing outside the content folder',
    breakIt: async (dir) => {
      const outside = join(dir, '..', 'elsewhere.md');
      await writeFile(outside, '---\ntitle: Elsewhere\nsummary: S\ntheme: T\nstatus: planned\n---\n');
      await symlink(outside, join(dir, 'roadmap', 'elsewhere.md'));
    },
    expect: [
      /content\/roadmap\/elsewhere\.md: \(file\): is a symlink to ".*elsewhere\.md", outside the content folder/,
    ],
  },
  {
    name: 'a symlinked site.yaml pointing outside the content folder',
    breakIt: async (dir) => {
      await rm(join(dir, 'site.yaml'));
      await cp(join(dir, '.shared', 'site.yaml'), join(dir, '..', 'site.yaml'));
      await symlink('../site.yaml', join(dir, 'site.yaml'));
    },
    expect: [/content\/site\.yaml: \(file\): is a symlink to ".*site\.yaml", outside the content folder/],
  },
  {
    name: 'both period and quarter',
    breakIt: (dir) => edit(dir, 'roadmap/multi-region.md', 'quarter: 2027-Q3', 'quarter: 2027-Q3\nperiod: 2027-H2'),
    expect: [
      'roadmap/multi-region.md:6: quarter: got "2027-Q3"; both period (2027-H2) and quarter are given; expected one of them (quarter is the older spelling of period)',
    ],
  },
  {
    name: 'dates and a period',
    breakIt: (dir) =>
      edit(dir, 'roadmap/guided-setup.md', 'period: 2027-H2', 'period: 2027-H2\nstart: 2026-10-01\nend: 2027-01-31'),
    expect: ['roadmap/guided-setup.md:6: period: got "2027-H2"; expected either period or start and end, not both'],
  },
  {
    name: 'a year outside 1970-2199',
    breakIt: (dir) => edit(dir, 'roadmap/status-page.md', 'start: 2026-05-04', 'start: 0001-01-01'),
    expect: ['roadmap/status-page.md:6: start: got "0001-01-01"; expected a year from 1970 to 2199'],
  },
  {
    name: 'a missing period',
    breakIt: (dir) => edit(dir, 'objectives/trust.md', 'period: 2027\n', ''),
    expect: [
      'objectives/trust.md:2: period: required field is missing; expected a fiscal period written YYYY-Qn (quarter), YYYY-Hn (half) or YYYY (year), e.g. 2027-Q1, 2027-H2, 2027',
    ],
  },
  {
    name: '.inf where a number goes',
    breakIt: (dir) => edit(dir, 'backlog/sprint-40.yaml', 'points: 2', 'points: .inf'),
    expect: ['backlog/sprint-40.yaml:11: HAR-101.points: got .inf; expected a number'],
  },
  {
    name: 'a listed backlog item whose epic does not exist',
    breakIt: (dir) =>
      edit(dir, 'backlog/sprint-40.yaml', '    status: in-progress', '    status: in-progress\n    epic: ghost-epic'),
    expect: [
      'backlog/sprint-40.yaml:15: HAR-102.epic: no roadmap item has the id "ghost-epic"; expected one of: guided-setup',
    ],
  },
  {
    name: 'a default epic that does not exist, reported at its line in defaults',
    breakIt: (dir) => edit(dir, 'backlog/sprint-40.yaml', '  epic: guided-setup', '  epic: ghost-epic'),
    expect: ['backlog/sprint-40.yaml:3: HAR-101.epic: no roadmap item has the id "ghost-epic"'],
  },
  {
    name: 'an id in backlog defaults',
    breakIt: (dir) => edit(dir, 'backlog/sprint-40.yaml', 'defaults:\n', 'defaults:\n  id: HAR-0\n'),
    expect: [
      'backlog/sprint-40.yaml:2: defaults.id: got "HAR-0"; defaults apply to every item, so cannot set id; expected each item to write its own id',
    ],
  },
  {
    name: 'a milestone key result with a target',
    breakIt: (dir) => edit(dir, 'objectives/trust.md', '    done: true', '    done: true\n    target: 3'),
    expect: [
      'objectives/trust.md:11: keyResults[0].target: got 3; a milestone key result (done: true or false) has no target; expected either done, or start, target and current',
    ],
  },
  {
    name: 'a measured key result without a target',
    breakIt: (dir) => edit(dir, 'objectives/activation.md', '    target: 60\n', ''),
    expect: [/objectives\/activation\.md:\d+: keyResults\[0\]\.target: required field is missing; expected a number/],
  },
  {
    name: 'a key result whose target equals its start',
    breakIt: (dir) => edit(dir, 'objectives/activation.md', 'target: 60', 'target: 20'),
    expect: ['objectives/activation.md:14: keyResults[0].target: got 20; target equals start'],
  },
  {
    name: 'a done that is not true or false',
    breakIt: (dir) => edit(dir, 'objectives/trust.md', 'done: true', 'done: yes'),
    expect: ['objectives/trust.md:10: keyResults[0].done: got "yes"; expected true or false'],
  },
  {
    name: 'a YAML file whose aliases of aliases expand without bound',
    breakIt: (dir) =>
      writeFile(
        join(dir, 'backlog', 'bomb.yaml'),
        ['a: &a [x, x, x, x, x, x, x, x, x, x]']
          .concat(
            ['b', 'c', 'd', 'e', 'f', 'g'].map(
              (k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`,
            ),
          )
          .join('\n'),
      ),
    expect: [
      'backlog/bomb.yaml:1: (yaml): YAML syntax error: its anchors and aliases expand to more than 1,000,000 values',
    ],
  },
];

describe('broken copies of that content', () => {
  it.each(BAD)(
    'fail on $name in check and in build, naming file, line and value, with no site and no stack trace',
    async (c) => {
      const dir = await copyOfFixture(c.name);
      await c.breakIt(dir);
      const out = join(dir, '..', 'site');
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'index.html'), 'stale');
      const [checked, built] = await Promise.all([check(dir), runBuild({ content: dir, out, today: TODAY })]);
      for (const result of [checked, built]) {
        expect(result.code, result.stdout + result.stderr).toBe(1);
        for (const expected of c.expect) {
          if (typeof expected === 'string') expect(result.stderr).toContain(expected);
          else expect(result.stderr).toMatch(expected);
        }
        expect(result.stderr).not.toMatch(STACK_FRAME);
      }
      expect(existsSync(join(out, 'index.html'))).toBe(false);
    },
  );

  it('accept one YAML anchor used 150 times: valid YAML is never refused for its style', async () => {
    const dir = await copyOfFixture('many aliases');
    const items = Array.from(
      { length: 150 },
      (_, i) => `  - { id: BULK-${i}, title: Item ${i}, type: task, status: todo, owner: *team, epic: *epic }`,
    );
    await writeFile(
      join(dir, 'backlog', 'bulk.yaml'),
      [
        'defaults:',
        '  visibility: internal',
        '  sprint: &team Platform',
        '  notes: &epic guided-setup',
        'items:',
        ...items,
      ].join('\n'),
    );
    const result = await check(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Content is valid: ${21 + 150} entries`);
  });
});
