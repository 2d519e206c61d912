import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, listFiles, readSiteTexts, runBuild, runScript } from '../support/build.ts';

/**
 * The `drift` fixture triggers every drift flag, has stale entries, orphan backlog items, items
 * serving no objective and an objective no item serves. Its internal entries carry "zebra".
 */
const CANARY = /zebra/i;
const content = join(FIXTURES, 'drift');
const TODAY = '2026-11-21';
const publicOut = join(OUTPUT, 'health-public');
const internalOut = join(OUTPUT, 'health-internal');

const page = (out: string, path: string) => readFile(join(out, path), 'utf8');

/** The HTML of the element whose id is `id`, up to the end of its enclosing section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start === -1) throw new Error(`no element with id ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The text of a table row (or anything) with tags removed and whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The text of the table row that links to `title`, in the traceability table when there is one. */
function row(html: string, title: string): string {
  const at = html.indexOf(`>${title}</a>`, Math.max(0, html.indexOf('id="traceability"')));
  if (at === -1) throw new Error(`no row for ${title}`);
  return text(html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at)));
}

const check = (...args: string[]) =>
  runScript('check.ts', args, { ...process.env, ROADMAP_CONTENT: content, ROADMAP_TODAY: TODAY });

beforeAll(async () => {
  await Promise.all([publicOut, internalOut].map((dir) => rm(dir, { recursive: true, force: true })));
  const [pub, internal] = await Promise.all([
    runBuild({ content, out: publicOut, audience: 'public', today: TODAY }),
    runBuild({ content, out: internalOut, audience: 'internal', today: TODAY }),
  ]);
  expect(pub.code, pub.stderr).toBe(0);
  expect(internal.code, internal.stderr).toBe(0);
});

describe('the internal /backlog/', () => {
  it('lists every orphan backlog item, linked to its row', async () => {
    const html = await page(internalOut, 'backlog/index.html');
    const orphans = section(html, 'gap-orphans');
    expect(orphans).toContain('(2)');
    for (const id of ['ORPHAN-1', 'ZEBRA-1']) {
      expect(orphans).toContain(`href="/backlog/#item-${id}"`);
      expect(html).toContain(`id="item-${id}"`);
    }
  });

  it('lists every roadmap item that serves no objective, and the objective no item serves', async () => {
    const html = await page(internalOut, 'backlog/index.html');
    const aimless = section(html, 'gap-no-objective');
    expect(aimless).toContain('href="/roadmap/early-start/"');
    expect(aimless).toContain('href="/roadmap/idle-now/"');
    // Partner API serves an internal objective: it serves something.
    expect(aimless).not.toContain('partner-api');
    expect(section(html, 'gap-objectives')).toContain('href="/objectives/lonely-goal/"');
  });

  it('lists the open items with no work behind them', async () => {
    const gaps = section(await page(internalOut, 'backlog/index.html'), 'gap-no-work');
    for (const id of ['idle-now', 'partner-api', 'zebra-epic']) expect(gaps).toContain(`/roadmap/${id}/`);
    expect(gaps).not.toContain('/roadmap/healthy/');
  });

  it('compares roadmap and backlog from the whole content', async () => {
    const html = text(await page(internalOut, 'backlog/index.html'));
    expect(html).toContain('2 themes, 9 roadmap items (epics)');
    expect(html).toContain('9 stories, 1 defect, 3 tasks');
    expect(html).toContain('This internal build shows all 13 backlog items: 10 public, 3 internal only.');
    expect(html).toContain('2026 Q2 – 2027 Q3: 6 fiscal quarters');
    expect(html).toContain('2026-S2 – 2026-S12: 5 sprints');
  });

  it('shows a traceability row per item with counts, points, share done and sprints', async () => {
    // The table lives on its own pages, so /backlog/ stays a few screens.
    const html = await page(internalOut, 'backlog/by-theme/index.html');
    expect(row(html, 'Healthy item')).toMatch(
      /3 stories 1 done, 1 in progress, 1 to do 3 \/ 16 33% 2026-S10 – 2026-S12 3 sprints/,
    );
    expect(row(html, 'Idle now item')).toContain('No backlog');
    expect(html).toMatch(
      /<th scope="col" aria-sort="ascending"><a href="\/backlog\/by-theme\/#traceability" class="sort-link">Theme/,
    );
  });

  it('shows every drift flag', async () => {
    const html = await page(internalOut, 'backlog/index.html');
    const drift = text(html.slice(html.indexOf('id="drift-h"'), html.indexOf('id="traceability"')));
    for (const title of [
      'Late launch',
      'Done but not shipped',
      'Buggy release',
      'Idle now item',
      'Early starter',
      'Zebra epic',
    ]) {
      expect(drift).toContain(title);
    }
    expect(drift).toContain('Drift (6)');
  });
});

describe('the pre-sorted traceability pages', () => {
  it('exist for each sortable column in both builds, marking the sorted column', async () => {
    for (const out of [publicOut, internalOut]) {
      const files = await listFiles(out);
      for (const key of ['item', 'status', 'when', 'size', 'done', 'drift'])
        expect(files).toContain(`backlog/by-${key}/index.html`);
    }
    const html = await page(publicOut, 'backlog/by-drift/index.html');
    expect(html).toMatch(/aria-sort="descending"><a href="\/backlog\/by-drift\/#traceability"/);
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
  });

  it('order the rows by their column', async () => {
    const html = await page(internalOut, 'backlog/by-size/index.html');
    const order = [...html.matchAll(/<th scope="row"><a href="\/roadmap\/([^/]+)\/"/g)].map((m) => m[1]);
    // Fewest backlog items first: the three items with none lead.
    expect(new Set(order.slice(0, 3))).toEqual(new Set(['idle-now', 'partner-api', 'zebra-epic']));
    expect(order.at(-1)).toBe('healthy');
  });
});

describe('the internal /health/', () => {
  it('summarises drift flags, stale entries and gaps with counts', async () => {
    const html = text(await page(internalOut, 'health/index.html'));
    for (const summary of [
      '6 drift flags',
      '4 stale entries',
      '2 orphan backlog items',
      '2 items serving no objective',
      '1 objective with no item',
      '3 open items with no backlog',
    ]) {
      expect(html).toContain(summary);
    }
  });

  it('lists each drift flag under its kind, with a count per kind', async () => {
    const html = text(await page(internalOut, 'health/index.html'));
    expect(html).toContain('Past its end date, not shipped (1) Ship it');
    expect(html).toContain('Late launch ended 31 Oct 2026 (21 days ago) but is in progress, not shipped.');
    expect(html).toContain('Backlog all done, not shipped (1)');
    expect(html).toContain('Done but not shipped has all 3 of its backlog items done but is in progress, not shipped.');
    expect(html).toContain('Shipped with open defects (1)');
    expect(html).toContain('Buggy release is shipped with 1 open defect: BUG-2.');
    expect(html).toContain('Now, but no work in progress or to do (2)');
    expect(html).toContain('Idle now item is in the now horizon but has no backlog items.');
    expect(html).toContain('Zebra epic is in the now horizon but has no backlog items.');
    expect(html).toContain('Starts before a dependency ends (1)');
    expect(html).toContain(
      'Early starter starts 1 Dec 2026, before Base work (base-work), which it depends on, ends 15 Jan 2027.',
    );
  });

  it('lists the stale entries, never-reviewed first', async () => {
    const stale = text(section(await page(internalOut, 'health/index.html'), 'stale-h'));
    expect(stale).toContain('Stale entries (4)');
    expect(stale).toMatch(/Lonely goal nobody works on .*Zebra epic .*Public work for no epic .*Late launch/);
    expect(stale).toContain('324 days ago');
  });

  it('is linked from the navigation of the internal build only', async () => {
    expect(await page(internalOut, 'index.html')).toContain('href="/health/"');
    expect(await page(publicOut, 'index.html')).not.toContain('/health/');
  });
});

describe('item and objective pages', () => {
  it('show an item’s drift flags and its own backlog in numbers', async () => {
    const html = text(await page(publicOut, 'roadmap/late-launch/index.html'));
    expect(html).toContain('Past its end date, not shipped: this item ended 31 Oct 2026 (21 days ago)');
    const healthyHtml = await page(publicOut, 'roadmap/healthy/index.html');
    const healthy = text(healthyHtml);
    expect(healthy).toContain(
      '2 items: 1 done, 1 in progress, 0 to do · 3 of 8 points done · sprints 2026-S10, 2026-S11',
    );
    expect(healthy).toContain('2 stories · 50% done');
    expect(healthyHtml).not.toContain('drift-notice');
  });

  it('say when the entry was last reviewed, and call it stale in the internal build only', async () => {
    const pub = text(await page(publicOut, 'roadmap/late-launch/index.html'));
    const internal = text(await page(internalOut, 'roadmap/late-launch/index.html'));
    expect(pub).toContain('Last reviewed 10 Jan 2026');
    expect(pub).not.toMatch(/stale/i);
    expect(internal).toContain('Last reviewed 10 Jan 2026 (stale: older than 30 days)');
  });

  it('list on an objective the items serving it with their backlog progress', async () => {
    const html = await page(publicOut, 'objectives/grow/index.html');
    expect(row(html, 'Done but not shipped')).toContain('100% 2 stories: 2 done · 5 of 5 points');
    expect(row(html, 'Healthy item')).toContain('50% 2 stories: 1 done, 1 in progress · 3 of 8 points');
  });
});

describe('a public build', () => {
  it('writes no /health/ page', async () => {
    expect(existsSync(join(publicOut, 'health'))).toBe(false);
    expect((await listFiles(publicOut)).filter((f) => f.startsWith('health'))).toEqual([]);
  });

  it('contains no trace of an internal entry in any file', async () => {
    const leaks = [...(await readSiteTexts(publicOut))].filter(([, t]) => CANARY.test(t)).map(([file]) => file);
    expect(leaks).toEqual([]);
  });

  it('counts only public entries on /backlog/', async () => {
    const html = await page(publicOut, 'backlog/index.html');
    const all = text(html);
    expect(all).toContain('This public site shows 10 backlog items, to anyone.');
    expect(all).toContain('2 themes, 8 roadmap items (epics)');
    expect(all).toContain('7 stories, 1 defect, 2 tasks');
    const table = await page(publicOut, 'backlog/by-theme/index.html');
    expect(row(table, 'Healthy item')).toMatch(
      /2 stories 1 done, 1 in progress 3 \/ 8 50% 2026-S10 – 2026-S11 2 sprints/,
    );
    expect(row(table, 'Done but not shipped')).toMatch(/2 stories 2 done 5 \/ 5 100%/);
    expect(section(html, 'gap-orphans')).toContain('(1)');
    expect(all).toContain('1 backlog item with no epic');
    expect(all).toContain('Drift (5)');
  });
});

describe('npm run check on content with drift and stale entries', () => {
  it('passes with warnings that name the file', async () => {
    const result = await check();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'warning test/fixtures/drift/roadmap/late-launch.md: drift: ended 31 Oct 2026 (21 days ago) but is in progress, not shipped [overdue]',
    );
    expect(result.stderr).toContain(
      'warning test/fixtures/drift/roadmap/buggy-release.md: drift: is shipped with 1 open defect: BUG-2',
    );
    expect(result.stderr).toContain(
      'warning test/fixtures/drift/objectives/lonely-goal.md: updated: stale: never reviewed',
    );
    expect(result.stderr).toContain(
      'warning test/fixtures/drift/backlog/work.yaml: updated: ORPHAN-1: stale: last reviewed 2026-01-01',
    );
    expect(result.stdout).toContain('10 warnings (6 drift flags, 4 stale entries)');
  });

  it('fails with --strict', async () => {
    const result = await check('--strict');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[starts-before-dependency]');
  });

  it('passes --strict once nothing has drifted and everything is fresh', async () => {
    // The control: --strict fails because of the warnings, not always.
    const clean = join(OUTPUT, 'health-clean-content');
    await rm(clean, { recursive: true, force: true });
    const files: Record<string, string> = {
      'site.yaml': 'title: Clean\ndefaultVisibility: public\n',
      'mission.md': '---\nstatement: Stay true.\nupdated: 2026-11-01\n---\n',
      'vision.md': '---\nstatement: Always fresh.\nupdated: 2026-11-01\n---\n',
      'objectives/goal.md':
        '---\ntitle: Goal\nperiod: 2026\nupdated: 2026-11-01\nkeyResults:\n  - title: KR\n    start: 0\n    target: 1\n    current: 1\n---\n',
      'roadmap/done.md':
        '---\ntitle: Done\nsummary: Shipped.\ntheme: Core\nstatus: shipped\nstart: 2026-01-01\nend: 2026-06-30\nobjectives: [goal]\nupdated: 2026-11-01\n---\n',
      'backlog/work.yaml': '- id: W-1\n  title: Work\n  type: story\n  status: done\n  epic: done\n',
    };
    for (const [file, body] of Object.entries(files)) {
      await mkdir(dirname(join(clean, file)), { recursive: true });
      await writeFile(join(clean, file), body);
    }
    const result = await check('--strict', '--content', clean);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 warnings (0 drift flags, 0 stale entries)');
  });
});
