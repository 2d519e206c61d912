import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headline } from '../../src/lib/diff/describe.ts';
import type { Change } from '../../src/lib/diff/types.ts';
import { openContentRepo } from '../../src/lib/git/repo.ts';
import { entryEvents, entryTitle, groupHistory } from '../../src/lib/history/group.ts';
import { type History, computeHistory } from '../../src/lib/history/history.ts';
import { type Harbor, harborRepo } from '../support/harbor.ts';

/** History from a real repository (test/support/harbor.ts), for each audience. */
let harbor: Harbor;
let cacheDir: string;
let pub: History;
let internal: History;

const history = async (audience: 'public' | 'internal', limit = 50, cache: string | null = cacheDir) =>
  computeHistory(await openContentRepo(harbor.content), { audience, limit, cacheDir: cache });
const entryAt = (h: History, step: keyof Harbor['commits']) => h.entries.find((e) => e.hash === harbor.commits[step]);
const changesOf = (h: History, step: keyof Harbor['commits'], id: string): Change['type'][] =>
  entryAt(h, step)
    ?.diff.changed.find((e) => e.id === id)
    ?.changes.map((c) => c.type) ?? [];

beforeAll(async () => {
  harbor = await harborRepo();
  cacheDir = await mkdtemp(join(tmpdir(), 'cairn-history-cache-'));
  [pub, internal] = await Promise.all([history('public'), history('internal')]);
});

afterAll(async () => {
  await harbor.repo.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('computeHistory', () => {
  it('gives, newest first, each commit that changed what the audience sees, dated and resolved as of that day', () => {
    const { commits } = harbor;
    expect(pub.status).toBe('ok');
    expect(pub.entries.map((e) => e.hash)).toEqual([
      commits.fixed,
      commits.rename,
      commits.publish,
      commits.replan,
      commits.plan,
    ]);
    expect(internal.entries.map((e) => e.hash)).toEqual([
      commits.fixed,
      commits.internal,
      commits.rename,
      commits.publish,
      commits.replan,
      commits.plan,
    ]);
    expect(entryAt(pub, 'replan')).toMatchObject({
      date: '2026-05-10T09:00:00Z',
      day: '2026-05-10',
      diff: { today: '2026-05-10' },
    });
  });

  it('reports everything as added where the content folder did not exist before', () => {
    const first = entryAt(internal, 'plan')!.diff;
    expect(first.base).toEqual({ rev: '(none)', commit: null });
    expect(first.removed).toEqual([]);
    expect(first.added.map((e) => e.id)).toContain('zebra-billing');
  });

  it('names each kind of change', () => {
    expect(changesOf(pub, 'replan', 'status-page')).toEqual(['status', 'horizon']);
    expect(entryAt(pub, 'replan')!.diff.changed.find((e) => e.id === 'alerts')!.changes).toContainEqual(
      expect.objectContaining({
        type: 'dates',
        endDays: 92,
        quarters: 1,
        fromQuarter: 'FY27 Q1',
        toQuarter: 'FY27 Q2',
      }),
    );
    expect(changesOf(pub, 'replan', 'uptime')).toEqual(['keyResult']);
    expect(entryAt(pub, 'replan')!.diff.removed.map((e) => e.id)).toEqual(['old-thing']);
    expect(entryAt(pub, 'replan')!.diff.becamePublic.map((e) => e.id)).toEqual(['search']);
    expect(changesOf(pub, 'fixed', 'api')).toEqual(['horizon']);
  });

  it('treats a moved file as the same entry, and a changed id as a removal and an addition', () => {
    const renamed = entryAt(pub, 'rename')!.diff;
    expect(renamed.added.map((e) => e.id)).toEqual(['alerting']);
    expect(renamed.removed.map((e) => e.id)).toEqual(['alerts']);
    expect(renamed.changed).toEqual([]);
  });

  it('skips a commit whose content does not validate, comparing the next one with the last valid state', () => {
    expect(pub.entries.some((e) => e.hash === harbor.commits.broken)).toBe(false);
    expect(pub.warnings).toEqual([
      `History: the content did not validate at commit ${harbor.commits.broken.slice(0, 7)} ` +
        `(content@${harbor.commits.broken.slice(0, 7)}/roadmap/status-page.md:5: status: got "doing"; expected one of: exploring, planned, in-progress, shipped, paused, cancelled); ` +
        'skipped, and the commit after compared with the last valid state.',
    ]);
    const fixed = entryAt(pub, 'fixed')!.diff;
    expect(fixed.base.commit).toBe(harbor.commits.internal);
    expect(fixed.changed.find((e) => e.id === 'status-page')!.changes).toContainEqual({
      type: 'status',
      from: 'in-progress',
      to: 'shipped',
    });
  });

  describe('audience rules', () => {
    it('keeps internal entries, internal-only commits and commit subjects out of a public history', () => {
      expect(JSON.stringify(pub)).not.toMatch(/zebra/i);
      expect(pub.entries.every((e) => e.subject === null)).toBe(true);
      expect(entryTitle(entryAt(pub, 'publish')!)).toBe('Published “Data exports”');
    });

    it('shows an entry made public only from when it was published', () => {
      expect(entryEvents(pub.entries, 'roadmap', 'exports')).toEqual([
        { kind: 'published', hash: harbor.commits.publish, day: '2026-08-15', text: 'Published' },
      ]);
      expect(entryEvents(internal.entries, 'roadmap', 'exports').map((e) => `${e.day} ${e.kind}: ${e.text}`)).toEqual([
        '2026-04-02 added: Added',
        '2026-05-10 status: Status: Exploring → Planned',
        '2026-08-15 made-public: Made public',
      ]);
    });

    it('gives the internal history subjects and the internal life of entries', () => {
      expect(entryAt(internal, 'internal')!.subject).toBe('Slip zebra billing');
      expect(entryAt(internal, 'publish')!.diff.becamePublic).toEqual([
        expect.objectContaining({ id: 'exports', reason: 'made-public' }),
      ]);
    });
  });

  it('tells an item’s life: added, each slip and status change', () => {
    expect(entryEvents(pub.entries, 'roadmap', 'status-page').map((e) => `${e.day} ${e.text}`)).toEqual([
      '2026-04-02 Published',
      '2026-05-10 Status: Planned → In progress',
      '2026-05-10 Moved from Next to Now',
      '2026-10-02 Status: In progress → Shipped',
      '2026-10-02 Off the now/next/later board (was Now)',
    ]);
    expect(entryEvents(pub.entries, 'roadmap', 'search').map((e) => `${e.day} ${e.text}`)).toEqual([
      '2026-05-10 Published',
      '2026-10-02 Slipped 90 days, 1 quarter later: FY27 Q3 → FY27 Q4; now 1 Oct 2026 – 31 Mar 2027',
    ]);
  });

  it('groups changes by fiscal quarter and month', () => {
    const groups = groupHistory(pub.entries, 4, '2026-11-21');
    expect(groups.map((q) => [q.label, q.current, q.months.map((m) => m.label)])).toEqual([
      ['FY27 Q3', true, ['October 2026']],
      ['FY27 Q2', false, ['September 2026', 'August 2026']],
      ['FY27 Q1', false, ['May 2026', 'April 2026']],
    ]);
    expect(groups[2]!.totals).toEqual({ published: 8, added: 0, removed: 1, changed: 3, slipped: 1 });
  });

  it('reads diffs back from the cache, per commit', async () => {
    const again = await history('public');
    // Not cached: the broken commit, and the one compared across it.
    expect(again.fromCache).toBe(5);
    expect(again.entries).toEqual(pub.entries);
  });

  it('reads only the most recent commits up to the limit', async () => {
    const short = await history('public', 2, null);
    expect(short.truncated).toBe(true);
    expect(short.commitsRead).toBe(2);
    expect(short.entries.map((e) => e.hash)).toEqual([harbor.commits.fixed]);
    expect((await history('public', 0)).status).toBe('disabled');
  });

  it('has no history outside git', async () => {
    expect(await computeHistory(null, { audience: 'public', limit: 10, cacheDir: null })).toMatchObject({
      status: 'not-git',
      entries: [],
    });
  });

  it('gives a public change a title made of what it did', () => {
    expect(headline(entryAt(pub, 'fixed')!.diff)).toBe(
      '“Public API” moved; “Search” slipped; “Status page” is now shipped',
    );
  });
});
