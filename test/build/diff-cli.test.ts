import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/build.ts';
import { type TempRepo, md, tempRepo } from '../support/git.ts';

/**
 * `npm run diff` as a user runs it, on a repository that is the content folder itself: between
 * two commits a status changes, a date slips a quarter, items are added and removed, and an
 * internal item is made public.
 */
let repo: TempRepo;
const commits: Record<string, string> = {};

const roadmapItem = (fields: string, body = '') => md(fields, body);
const SITE = 'title: Ledger Co roadmap\ndefaultVisibility: public\nfiscalYearStartMonth: 1\n';

const diff = (args: string[], env: Record<string, string> = {}) =>
  runScript('diff.ts', args, { ...process.env, ROADMAP_CONTENT: repo.dir, ROADMAP_TODAY: '2026-11-21', ...env });

beforeAll(async () => {
  repo = await tempRepo('cairn-diff-cli-');
  await repo.write({ 'notes.txt': 'before the roadmap\n' });
  commits.empty = await repo.commit('Notes', '2026-09-01T12:00:00Z');
  await repo.write({
    'site.yaml': SITE,
    'mission.md': md('statement: Books that balance.'),
    'vision.md': md('statement: Nobody does accounts by hand.'),
    'roadmap/checkout.md': roadmapItem(
      'title: One-click checkout\nsummary: Pay in one step.\ntheme: Payments\nstatus: planned\nquarter: 2027-Q1',
    ),
    'roadmap/ledger.md': roadmapItem(
      'title: Shared ledger\nsummary: One book for the team.\ntheme: Core\nstatus: in-progress\nstart: 2026-09-01\nend: 2026-12-15',
    ),
    'roadmap/legacy-import.md': roadmapItem(
      'title: Legacy import\nsummary: Bring old books over.\ntheme: Core\nstatus: exploring',
    ),
    'roadmap/zebra-vault.md': roadmapItem(
      'title: Zebra vault\nsummary: Cold storage for receipts.\ntheme: Core\nstatus: planned\nvisibility: internal',
    ),
  });
  commits.base = await repo.commit('First roadmap', '2026-10-01T12:00:00Z');
  await repo.write({
    'roadmap/ledger.md': roadmapItem(
      'title: Shared ledger\nsummary: One book for the team.\ntheme: Core\nstatus: shipped\nstart: 2026-09-01\nend: 2026-12-15',
    ),
    'roadmap/checkout.md': roadmapItem(
      'title: One-click checkout\nsummary: Pay in one step.\ntheme: Payments\nstatus: planned\nquarter: 2027-Q2',
    ),
    'roadmap/mobile-app.md': roadmapItem(
      'title: Mobile app\nsummary: Balance books on the go.\ntheme: Reach\nstatus: exploring',
    ),
    'roadmap/zebra-vault.md': roadmapItem(
      'title: Zebra vault\nsummary: Cold storage for receipts.\ntheme: Core\nstatus: planned\nvisibility: public',
    ),
  });
  await repo.remove('roadmap/legacy-import.md');
  commits.head = await repo.commit('Replan', '2026-11-02T12:00:00Z');
  await repo.write({ 'roadmap/ledger.md': roadmapItem('title: Shared ledger\nsummary: x\ntheme: Core\nstatus: done') });
  commits.broken = await repo.commit('Break the ledger', '2026-11-03T12:00:00Z');
});

afterAll(() => repo.cleanup());

describe('npm run diff', () => {
  it('names each change in Markdown, the newly public item first', async () => {
    const result = await diff(['--base', commits.base!, '--head', commits.head!]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[4]).toBe('**Publishes:** Item “Zebra vault” (made public, was internal), Item “Mobile app” (new)');
    expect(lines[2]).toBe(
      `\`${commits.base!.slice(0, 7)}\` → \`${commits.head!.slice(0, 7)}\`: **Public site:** 2 published, 1 removed, 2 changed (1 slipped) · ` +
        '**Internal site:** 2 published, 1 removed, 2 changed (1 slipped)',
    );
    const publicSection = result.stdout.slice(
      result.stdout.indexOf('#### Public site'),
      result.stdout.indexOf('<details>'),
    );
    const items = publicSection.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toEqual([
      '- Item **Zebra vault**: made public (was internal)',
      '- Item **Mobile app**',
      '- Item **Legacy import**: was Exploring',
      '- Item **One-click checkout**: slipped 91 days, 1 quarter later: 2027 Q1 → 2027 Q2; now 1 Apr 2027 – 30 Jun 2027; moved from Next to Later',
      '- Item **Shared ledger**: status: In progress → Shipped; off the now/next/later board (was Now)',
    ]);
    expect(publicSection.indexOf('**Published: newly visible to everyone**')).toBeLessThan(
      publicSection.indexOf('**Removed**'),
    );
    expect(result.stdout).toContain(
      '- Item **Zebra vault**: made public (was internal)\n- Item **Mobile app**: new, public',
    );
  });

  it('names each change in JSON, the newly public item first', async () => {
    const result = await diff(['--base', commits.base!, '--head', commits.head!, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['version', 'base', 'head', 'today', 'audiences']);
    expect(json).toMatchObject({
      version: 1,
      base: { rev: commits.base, commit: commits.base },
      head: { rev: commits.head, commit: commits.head },
    });
    const pub = json.audiences.public;
    expect(Object.keys(pub)).toEqual([
      'version',
      'audience',
      'base',
      'head',
      'today',
      'summary',
      'becamePublic',
      'added',
      'removed',
      'changed',
    ]);
    expect(pub.becamePublic.map((e: { id: string; reason: string }) => [e.id, e.reason])).toEqual([
      ['zebra-vault', 'made-public'],
      ['mobile-app', 'new'],
    ]);
    expect(pub.removed.map((e: { id: string }) => e.id)).toEqual(['legacy-import']);
    const changed = Object.fromEntries(
      pub.changed.map((e: { id: string; changes: { type: string }[] }) => [e.id, e.changes]),
    );
    expect(changed.checkout).toContainEqual(expect.objectContaining({ type: 'dates', endDays: 91, quarters: 1 }));
    expect(changed.ledger).toContainEqual({ type: 'status', from: 'in-progress', to: 'shipped' });
    expect(json.audiences.internal.becamePublic).toEqual([
      expect.objectContaining({ id: 'zebra-vault', reason: 'made-public' }),
      expect.objectContaining({ id: 'mobile-app', reason: 'new' }),
    ]);
    expect(json.audiences.internal.changed.find((e: { id: string }) => e.id === 'zebra-vault').changes).toEqual([
      { type: 'visibility', from: 'internal', to: 'public' },
    ]);
  });

  it('compares with the working tree when no head is given, and links to a preview', async () => {
    await repo.git('checkout', '--quiet', commits.head!);
    try {
      await repo.write({
        'roadmap/mobile-app.md': roadmapItem(
          'title: Mobile app\nsummary: Balance books on the go.\ntheme: Reach\nstatus: planned',
        ),
      });
      const result = await diff([
        '--base',
        'HEAD',
        '--audience',
        'public',
        '--preview-url',
        'https://ledger.example/pr-preview/pr-3/',
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('→ working tree: **Public site:** 1 changed');
      expect(result.stdout).toContain(
        '- Item [Mobile app](https://ledger.example/pr-preview/pr-3/roadmap/mobile-app/): status: Exploring → Planned',
      );
      expect(result.stdout).not.toContain('Internal site');
    } finally {
      await repo.git('checkout', '--quiet', '--force', 'main');
    }
  });

  it('reports everything as new where the content folder did not exist at base', async () => {
    const result = await diff([
      '--base',
      commits.empty!,
      '--head',
      commits.base!,
      '--format',
      'json',
      '--audience',
      'public',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('does not exist at');
    const pub = JSON.parse(result.stdout).audiences.public;
    expect(pub.added.map((e: { id: string }) => e.id)).toEqual([
      'checkout',
      'ledger',
      'legacy-import',
      'mission',
      'vision',
    ]);
    expect(pub.removed).toEqual([]);
  });

  it('gives the loader’s errors when the content does not validate at a revision', async () => {
    const result = await diff(['--base', commits.broken!, '--head', commits.head!]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `.@${commits.broken}/roadmap/ledger.md:5: status: got "done"; expected one of: exploring, planned, in-progress, shipped, paused, cancelled`,
    );
    expect(result.stderr).toContain(`The content at ${commits.broken} does not validate (1 error); no diff was made.`);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await diff([])).stderr).toContain('--base: required; expected the git revision to compare with');
    expect((await diff(['--base', 'nope'])).stderr).toContain('"nope" is not a commit of the repository at');
    expect((await diff(['--base', 'HEAD', '--format', 'html'])).stderr).toContain(
      '--format: got "html"; expected markdown or json',
    );
    expect((await diff(['--base', 'HEAD', '--frobnicate'])).code).toBe(2);
  });
});
