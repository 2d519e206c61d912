import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT, PROJECT_ROOT, listFiles, readSiteTexts, runBuild, type BuildResult } from '../support/build.ts';
import { git, projectGit } from '../support/git.ts';
import { type Harbor, harborRepo } from '../support/harbor.ts';
import { checkRss } from '../support/rss.ts';

/**
 * /changes/, its RSS feed, item histories and preview builds, built from a real repository
 * with a history (test/support/harbor.ts) and from this project's own sample content.
 */
const CANARY = /zebra/i;
const out = (name: string) => join(OUTPUT, `history-${name}`);
const OUT = {
  public: out('public'),
  internal: out('internal'),
  preview: out('preview'),
  shallow: out('shallow'),
  sample: out('sample'),
};
const page = (dir: string, path: string) => readFile(join(dir, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

let harbor: Harbor;
let shallowClone: string;
const builds: Record<string, BuildResult> = {};

beforeAll(async () => {
  harbor = await harborRepo();
  shallowClone = await mkdtemp(join(tmpdir(), 'cairn-shallow-build-'));
  await git(tmpdir(), ['clone', '--quiet', '--depth', '1', `file://${harbor.repo.dir}`, shallowClone]);
  await Promise.all(Object.values(OUT).map((dir) => rm(dir, { recursive: true, force: true })));
  const jobs: [string, Parameters<typeof runBuild>[0]][] = [
    ['public', { content: harbor.content, out: OUT.public }],
    ['internal', { content: harbor.content, out: OUT.internal, audience: 'internal' }],
    ['preview', { content: harbor.content, out: OUT.preview, base: '/pr-7/', compareBase: harbor.commits.replan }],
    ['shallow', { content: join(shallowClone, 'content'), out: OUT.shallow }],
    ['sample', { content: join(PROJECT_ROOT, 'content'), out: OUT.sample }],
    ['badBase', { content: harbor.content, out: out('bad-base'), compareBase: 'no-such-branch' }],
    ['invalidBase', { content: harbor.content, out: out('invalid-base'), compareBase: harbor.commits.broken }],
  ];
  for (let i = 0; i < jobs.length; i += 2) {
    const batch = jobs.slice(i, i + 2);
    const results = await Promise.all(batch.map(([, options]) => runBuild(options)));
    batch.forEach(([name], index) => (builds[name] = results[index]!));
  }
  for (const name of ['public', 'internal', 'preview', 'shallow', 'sample']) {
    expect(builds[name]!.code, `${name}: ${builds[name]!.stderr}`).toBe(0);
  }
});

afterAll(async () => {
  await harbor.repo.cleanup();
  await rm(shallowClone, { recursive: true, force: true });
});

describe('/changes/ in a public build', () => {
  it('lists each change that the public can see, by fiscal quarter and month, titled by what it did', async () => {
    const html = text(await page(OUT.public, 'changes/index.html'));
    expect(html).toContain('FY27 Q3 · this quarter');
    expect(html).toMatch(
      /October 2026 .*2 Oct 2026 · “Public API” moved; “Search” slipped; “Status page” is now shipped/,
    );
    expect(html).toContain('15 Aug 2026 · Published “Data exports”');
    expect(html).toContain('Changed Item Alerts : slipped 92 days, 1 quarter later: FY27 Q1 → FY27 Q2');
    expect(html).toContain('Removed Item Old thing : was Exploring');
    expect(html).not.toContain('Slip zebra billing');
  });

  it('says the build skipped a commit whose content did not validate', () => {
    expect(builds.public!.stderr).toContain(
      `the content did not validate at commit ${harbor.commits.broken.slice(0, 7)}`,
    );
    expect(builds.public!.stdout).toMatch(/history: 5 changes visible to the public site in 7 commits/);
  });

  it('links the RSS feed from the page and from its head', async () => {
    const html = await page(OUT.public, 'changes/index.html');
    expect(html).toMatch(
      /<link rel="alternate" type="application\/rss\+xml" title="Harbor Roadmap: changes" href="\/changes\/rss.xml">/,
    );
    expect(html).toMatch(/<a href="\/changes\/rss.xml"[^>]*>RSS<\/a>/);
  });

  it('writes an RSS 2.0 feed with one item per change', async () => {
    const { problems, feed } = checkRss(await page(OUT.public, 'changes/rss.xml'));
    expect(problems).toEqual([]);
    expect(feed!.link).toBe('https://harbor.example/changes/');
    expect(feed!.items.map((i) => i.title)).toEqual([
      '“Public API” moved; “Search” slipped; “Status page” is now shipped',
      // alerts.md was renamed alerting.md: a new id, so a new entry (the title stayed "Alerts").
      'Published “Alerts”; Removed “Alerts”',
      'Published “Data exports”',
      '1 entry published, 1 removed, 3 changed (1 slipped)',
      '7 entries published',
    ]);
    expect(feed!.items[2]).toMatchObject({
      link: `https://harbor.example/changes/#c-${harbor.commits.publish.slice(0, 12)}`,
      pubDate: 'Sat, 15 Aug 2026 09:00:00 GMT',
      description: 'Published: Item “Data exports”',
    });
  });

  it('shows an item’s history on its page: when it was published, each status change and slip', async () => {
    const statusPage = text(await page(OUT.public, 'roadmap/status-page/index.html'));
    expect(statusPage).toContain('History');
    expect(statusPage).toContain('2 Apr 2026 : Published');
    expect(statusPage).toContain('10 May 2026 : Status: Planned → In progress; moved from Next to Now');
    expect(statusPage).toContain('2 Oct 2026 : Status: In progress → Shipped; off the now/next/later board (was Now)');
    const search = text(await page(OUT.public, 'roadmap/search/index.html'));
    expect(search).toContain('2 Oct 2026 : Slipped 90 days, 1 quarter later: FY27 Q3 → FY27 Q4');
  });

  it('shows an entry made public only from when it was published', async () => {
    const exports = text(await page(OUT.public, 'roadmap/exports/index.html'));
    expect(exports).toContain('15 Aug 2026 : Published');
    expect(exports).not.toContain('Apr 2026');
    expect(exports).not.toContain('Exploring');
  });

  it('shows the latest changes on the home page', async () => {
    expect(text(await page(OUT.public, 'index.html'))).toContain('Recent changes 2 Oct 2026 · “Public API” moved');
  });

  it('contains no trace of an internal entry or an internal commit in any file', async () => {
    const leaks = [...(await readSiteTexts(OUT.public))].filter(([, t]) => CANARY.test(t)).map(([file]) => file);
    expect(leaks).toEqual([]);
  });

  it('writes no preview page without a compare base', () => {
    expect(existsSync(join(OUT.public, 'changes/preview/index.html'))).toBe(false);
  });
});

describe('/changes/ in an internal build', () => {
  it('titles each change with its commit subject and includes internal-only changes', async () => {
    const html = text(await page(OUT.internal, 'changes/index.html'));
    expect(html).toContain('20 Sep 2026 · Slip zebra billing');
    expect(html).toContain('15 Aug 2026 · Publish the zebra exports item');
    expect(html).toContain('Made public Item Data exports');
    const exports = text(await page(OUT.internal, 'roadmap/exports/index.html'));
    expect(exports).toContain('2 Apr 2026 : Added');
    expect(exports).toContain('15 Aug 2026 : Made public');
  });
});

describe('a preview build (ROADMAP_COMPARE_BASE)', () => {
  it('shows a banner on every page linking to what the change does', async () => {
    for (const path of ['index.html', 'roadmap/index.html', 'changes/index.html']) {
      const html = await page(OUT.preview, path);
      expect(html, path).toContain('class="preview-banner"');
      expect(html, path).toContain('href="/pr-7/changes/preview/"');
    }
    expect(await page(OUT.public, 'index.html')).not.toContain('preview-banner');
  });

  it('is noindex on every page, writes no sitemap, and names the production page as canonical', async () => {
    const files = await listFiles(OUT.preview);
    expect(files.filter((f) => /sitemap/.test(f))).toEqual([]);
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = await page(OUT.preview, file);
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      if (file !== '404.html')
        expect(canonical, file).toBe(`https://harbor.example/${file.replace(/index\.html$/, '')}`);
    }
    expect((await listFiles(OUT.public)).filter((f) => /sitemap/.test(f)).length).toBeGreaterThan(0);
  });

  it('writes /changes/preview/ with the diff, what gets published first', async () => {
    const html = text(await page(OUT.preview, 'changes/preview/index.html'));
    expect(html).toContain(`Compared with ${harbor.commits.replan.slice(0, 7)} , this change to the public roadmap`);
    const order = [
      'Published Item Alerts',
      'Published Item Data exports',
      'Removed Item Alerts',
      'Changed Item Public API',
      'Changed Item Search',
      'Changed Item Status page',
    ];
    const positions = order.map((s) => html.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      html,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).not.toMatch(CANARY);
  });

  it('marks new, slipped, status-changed and moved items on the board, the lists and the timeline', async () => {
    const html = await page(OUT.preview, 'roadmap/index.html');
    const markers = (id: string) =>
      [
        ...html.matchAll(new RegExp(`roadmap/${id}/"[^>]*>[^<]*</a>(?:(?!</li>|</td>).)*?data-change="(\\w+)"`, 'gs')),
      ].map((m) => m[1]);
    expect(new Set(markers('alerting'))).toEqual(new Set(['new']));
    expect(new Set(markers('exports'))).toEqual(new Set(['new']));
    expect(new Set(markers('search'))).toEqual(new Set(['slipped']));
    expect(new Set(markers('status-page'))).toEqual(new Set(['status']));
    expect(new Set(markers('api'))).toEqual(new Set(['moved']));
    expect(html).toMatch(/<(a|g) [^>]*data-item="search"[^>]*data-change="slipped">/);
    expect(html).toContain('with a heavy dashed outline changed in this preview');
  });

  it('leaks nothing internal', async () => {
    const leaks = [...(await readSiteTexts(OUT.preview))].filter(([, t]) => CANARY.test(t)).map(([file]) => file);
    expect(leaks).toEqual([]);
  });

  it('keeps search engines out of a preview: every page noindex, no sitemap, unlike the public build', async () => {
    const pages = [...(await readSiteTexts(OUT.preview))].filter(([file]) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    expect(
      pages.filter(([, html]) => !html.includes('<meta name="robots" content="noindex, nofollow">')).map(([f]) => f),
    ).toEqual([]);
    expect(existsSync(join(OUT.preview, 'sitemap-index.xml'))).toBe(false);
    expect(existsSync(join(OUT.public, 'sitemap-index.xml'))).toBe(true);
    expect(await page(OUT.public, 'roadmap/index.html')).not.toContain('noindex');
  });

  it('fails as wrong usage (exit code 2) with a clear message when the compare base is not a revision, writing no site', () => {
    expect(builds.badBase!.code).toBe(2);
    expect(builds.badBase!.stderr).toContain(
      'ROADMAP_COMPARE_BASE: got "no-such-branch"; expected a branch, tag or commit of the repository at',
    );
    expect(existsSync(out('bad-base'))).toBe(false);
  });

  it('fails with the loader’s errors when the content at the compare base does not validate', () => {
    expect(builds.invalidBase!.code).toBe(1);
    expect(builds.invalidBase!.stderr).toContain(
      `The content at ${harbor.commits.broken} (ROADMAP_COMPARE_BASE) does not validate (1 problem):`,
    );
    expect(builds.invalidBase!.stderr).toMatch(
      /content@[0-9a-f]{40}\/roadmap\/status-page\.md:5: status: got "doing"; expected one of: exploring, planned/,
    );
    expect(existsSync(out('invalid-base'))).toBe(false);
  });
});

describe('a build from a shallow clone', () => {
  it('warns, and builds /changes/ without history rather than with a wrong one', async () => {
    expect(builds.shallow!.stderr).toContain('warning The content folder is in a shallow git clone');
    const html = text(await page(OUT.shallow, 'changes/index.html'));
    expect(html).toContain('built from a shallow git clone');
    expect(html).not.toContain('Published');
    expect(text(await page(OUT.shallow, 'roadmap/status-page/index.html'))).toContain('No history');
  });
});

describe('the sample site', () => {
  it('shows its own history from this repository on /changes/, with a valid feed', async () => {
    const shallow = (await projectGit(PROJECT_ROOT, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    const html = await page(OUT.sample, 'changes/index.html');
    if (shallow) {
      expect(text(html)).toContain('built from a shallow git clone');
      return;
    }
    const logged = (await projectGit(PROJECT_ROOT, ['log', '--first-parent', '--format=%H', 'HEAD', '--', 'content']))
      .split('\n')
      .filter(Boolean);
    const anchors = [...html.matchAll(/<li id="c-([0-9a-f]{12})"/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors.every((a) => logged.some((hash) => hash.startsWith(a)))).toBe(true);
    const { problems, feed } = checkRss(await page(OUT.sample, 'changes/rss.xml'));
    expect(problems).toEqual([]);
    expect(feed!.items.length).toBe(anchors.length);
  });
});
