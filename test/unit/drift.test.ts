import { describe, expect, it } from 'vitest';
import { alignment } from '../../src/lib/model/alignment.ts';
import { type SiteView, audienceView } from '../../src/lib/model/audience.ts';
import { DRIFT_KINDS, driftByItem, driftByKind, driftFlags, itemDrift } from '../../src/lib/model/drift.ts';
import { healthReport, staleEntries } from '../../src/lib/model/health.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import { backlogItem, content, item, mission, objective, site, vision, wikiPage } from './helpers/content.ts';

const TODAY = '2026-11-21';

function view(overrides: Partial<Content>, audience: Audience = 'internal', today = TODAY): SiteView {
  return audienceView(resolveContent(content(overrides), today), audience);
}

const kinds = (v: SiteView, id: string) => itemDrift(v, v.item(id)!).map((f) => f.kind);

describe('drift: an item past its end date and not shipped', () => {
  it('is flagged the day after its end, with the date and how long ago', () => {
    const v = view({
      roadmap: [item('late', { status: 'in-progress', start: '2026-07-01', end: '2026-11-20' })],
      backlog: [backlogItem('L-1', { epic: 'late', status: 'in-progress' })],
    });
    expect(itemDrift(v, v.item('late')!)).toEqual([
      { kind: 'overdue', itemId: 'late', message: 'ended 20 Nov 2026 (1 day ago) but is in progress, not shipped' },
    ]);
  });

  it('is not flagged on its last day', () => {
    const v = view({ roadmap: [item('today', { status: 'in-progress', start: '2026-07-01', end: TODAY })] });
    expect(kinds(v, 'today')).not.toContain('overdue');
  });

  it('is not flagged once shipped or cancelled', () => {
    const v = view({
      roadmap: [
        item('shipped', { status: 'shipped', start: '2026-01-01', end: '2026-03-31' }),
        item('cancelled', { status: 'cancelled', start: '2026-01-01', end: '2026-03-31' }),
      ],
    });
    expect(driftFlags(v)).toEqual([]);
  });

  it('applies to a quarter-dated item by its quarter’s last day, and to paused items', () => {
    const v = view({ roadmap: [item('q', { status: 'paused', period: '2026-Q2' })] });
    expect(itemDrift(v, v.item('q')!)[0]?.message).toBe('ended 30 Jun 2026 (144 days ago) but is paused, not shipped');
  });

  it('ignores undated items', () => {
    const v = view({ roadmap: [item('undated', { status: 'planned' })] });
    expect(kinds(v, 'undated')).toEqual([]);
  });
});

describe('drift: an item whose backlog is all done but which is not shipped', () => {
  it('is flagged when every linked item is done', () => {
    const v = view({
      roadmap: [item('epic', { status: 'in-progress', horizon: 'later' })],
      backlog: [
        backlogItem('A-1', { epic: 'epic', status: 'done' }),
        backlogItem('A-2', { epic: 'epic', status: 'done' }),
      ],
    });
    expect(itemDrift(v, v.item('epic')!)).toEqual([
      {
        kind: 'backlog-done-not-shipped',
        itemId: 'epic',
        message: 'has all 2 of its backlog items done but is in progress, not shipped',
      },
    ]);
  });

  it('counts won’t-do as finished, but needs at least one item done', () => {
    const v = view({
      roadmap: [item('mixed', { horizon: 'later' }), item('abandoned', { horizon: 'later' })],
      backlog: [
        backlogItem('M-1', { epic: 'mixed', status: 'done' }),
        backlogItem('M-2', { epic: 'mixed', status: 'wont-do' }),
        backlogItem('X-1', { epic: 'abandoned', status: 'wont-do' }),
      ],
    });
    expect(itemDrift(v, v.item('mixed')!)[0]?.message).toBe(
      "has all 2 of its backlog items done or won't do but is planned, not shipped",
    );
    expect(kinds(v, 'abandoned')).toEqual([]);
  });

  it('says "its one backlog item" for a single item', () => {
    const v = view({
      roadmap: [item('one', { horizon: 'next' })],
      backlog: [backlogItem('O-1', { epic: 'one', status: 'done' })],
    });
    expect(itemDrift(v, v.item('one')!)[0]?.message).toBe('has its one backlog item done but is planned, not shipped');
  });

  it('is not flagged while any work is open, or once the item is shipped', () => {
    const v = view({
      roadmap: [item('open', { horizon: 'later' }), item('shipped', { status: 'shipped' })],
      backlog: [
        backlogItem('O-1', { epic: 'open', status: 'done' }),
        backlogItem('O-2', { epic: 'open', status: 'todo' }),
        backlogItem('S-1', { epic: 'shipped', status: 'done' }),
      ],
    });
    expect(driftFlags(v)).toEqual([]);
  });
});

describe('drift: a shipped item with open defects', () => {
  it('is flagged for defects to do or in progress, naming them', () => {
    const v = view({
      roadmap: [item('released', { status: 'shipped' })],
      backlog: [
        backlogItem('D-1', { epic: 'released', type: 'defect', status: 'todo' }),
        backlogItem('D-2', { epic: 'released', type: 'defect', status: 'in-progress' }),
        backlogItem('D-3', { epic: 'released', type: 'defect', status: 'done' }),
        backlogItem('S-1', { epic: 'released', type: 'story', status: 'todo' }),
      ],
    });
    expect(itemDrift(v, v.item('released')!)).toEqual([
      { kind: 'shipped-with-open-defects', itemId: 'released', message: 'is shipped with 2 open defects: D-1, D-2' },
    ]);
  });

  it('shortens a long list of defects', () => {
    const v = view({
      roadmap: [item('released', { status: 'shipped' })],
      backlog: ['D-1', 'D-2', 'D-3', 'D-4', 'D-5'].map((id) => backlogItem(id, { epic: 'released', type: 'defect' })),
    });
    expect(itemDrift(v, v.item('released')!)[0]?.message).toBe(
      'is shipped with 5 open defects: D-1, D-2, D-3 and 2 more',
    );
  });

  it('is not flagged for open defects of an item not yet shipped, nor for won’t-do defects', () => {
    const v = view({
      roadmap: [item('building', { status: 'in-progress', horizon: 'later' }), item('released', { status: 'shipped' })],
      backlog: [
        backlogItem('D-1', { epic: 'building', type: 'defect', status: 'todo' }),
        backlogItem('D-2', { epic: 'released', type: 'defect', status: 'wont-do' }),
      ],
    });
    expect(driftFlags(v).map((f) => f.kind)).not.toContain('shipped-with-open-defects');
  });
});

describe('drift: a now item with no backlog work in progress or to do', () => {
  it('is flagged when it has no backlog at all', () => {
    const v = view({ roadmap: [item('now', { status: 'in-progress' })] });
    expect(itemDrift(v, v.item('now')!)).toEqual([
      { kind: 'now-without-work', itemId: 'now', message: 'is in the now horizon but has no backlog items' },
    ]);
  });

  it('is flagged when its only backlog is won’t-do', () => {
    const v = view({
      roadmap: [item('now', { horizon: 'now' })],
      backlog: [backlogItem('W-1', { epic: 'now', status: 'wont-do' })],
    });
    expect(itemDrift(v, v.item('now')!)[0]?.message).toBe(
      'is in the now horizon but its one backlog item is neither in progress nor to do',
    );
  });

  it('leaves an all-done backlog to the "all done, not shipped" flag rather than saying it twice', () => {
    const v = view({
      roadmap: [item('now', { status: 'in-progress' })],
      backlog: [backlogItem('A-1', { epic: 'now', status: 'done' })],
    });
    expect(kinds(v, 'now')).toEqual(['backlog-done-not-shipped']);
  });

  it('is not flagged with work to do, nor for next and later items', () => {
    const v = view({
      roadmap: [
        item('now', { horizon: 'now' }),
        item('next', { horizon: 'next' }),
        item('later', { horizon: 'later' }),
      ],
      backlog: [backlogItem('T-1', { epic: 'now', status: 'todo' })],
    });
    expect(driftFlags(v)).toEqual([]);
  });

  it('uses the derived horizon: a dated item that has started is now', () => {
    const v = view({ roadmap: [item('started', { status: 'planned', start: '2026-11-01', end: '2027-01-31' })] });
    expect(kinds(v, 'started')).toEqual(['now-without-work']);
  });
});

describe('drift: an item starting before something it depends on ends', () => {
  const base = {
    roadmap: [
      item('base', { status: 'in-progress', start: '2026-10-01', end: '2027-01-15', horizon: 'later' as const }),
      item('early', {
        status: 'planned',
        start: '2027-01-15',
        end: '2027-03-31',
        dependsOn: ['base'],
        horizon: 'later' as const,
      }),
      item('after', {
        status: 'planned',
        start: '2027-01-16',
        end: '2027-03-31',
        dependsOn: ['base'],
        horizon: 'later' as const,
      }),
    ],
  };

  it('is flagged when it starts on or before the dependency’s last day, naming the dependency', () => {
    const v = view(base);
    expect(itemDrift(v, v.item('early')!)).toEqual([
      {
        kind: 'starts-before-dependency',
        itemId: 'early',
        message: 'starts 15 Jan 2027, before base (base), which it depends on, ends 15 Jan 2027',
      },
    ]);
    expect(kinds(v, 'after')).toEqual([]);
  });

  it('is not flagged when the dependency has shipped, or for undated items', () => {
    const v = view({
      roadmap: [
        item('done', { status: 'shipped', start: '2026-10-01', end: '2027-06-30' }),
        item('next', { start: '2027-01-01', end: '2027-03-31', dependsOn: ['done'], horizon: 'later' }),
        item('undated', { dependsOn: ['next'], horizon: 'later' }),
      ],
    });
    expect(driftFlags(v)).toEqual([]);
  });

  it('flags once per dependency', () => {
    const v = view({
      roadmap: [
        item('a', { start: '2027-01-01', end: '2027-06-30', horizon: 'later' }),
        item('b', { start: '2027-01-01', end: '2027-06-30', horizon: 'later' }),
        item('c', { start: '2027-02-01', end: '2027-06-30', dependsOn: ['a', 'b'], horizon: 'later' }),
      ],
    });
    expect(itemDrift(v, v.item('c')!).map((f) => f.message)).toEqual([
      'starts 1 Feb 2027, before a (a), which it depends on, ends 30 Jun 2027',
      'starts 1 Feb 2027, before b (b), which it depends on, ends 30 Jun 2027',
    ]);
  });
});

describe('drift in a public view', () => {
  const world: Partial<Content> = {
    roadmap: [
      item('portal', { status: 'shipped', dependsOn: [] }),
      item('zebra-base', { visibility: 'internal', start: '2026-10-01', end: '2027-03-31', horizon: 'later' }),
      item('next', { start: '2027-01-01', end: '2027-03-31', dependsOn: ['zebra-base'], horizon: 'later' }),
      item('epic', { status: 'in-progress', horizon: 'later' }),
    ],
    backlog: [
      backlogItem('ZEBRA-1', { visibility: 'internal', epic: 'portal', type: 'defect', status: 'todo' }),
      backlogItem('PUB-1', { epic: 'epic', status: 'done' }),
      backlogItem('ZEBRA-2', { visibility: 'internal', epic: 'epic', status: 'todo' }),
    ],
  };

  it('rests on public entries only and never names an internal one', () => {
    const internal = driftFlags(view(world, 'internal'));
    const pub = driftFlags(view(world, 'public'));
    expect(internal.map((f) => `${f.itemId}:${f.kind}`)).toEqual([
      'next:starts-before-dependency',
      'portal:shipped-with-open-defects',
    ]);
    // Publicly, the epic's only visible work is done; the internal dependency and defect are unseen.
    expect(pub.map((f) => `${f.itemId}:${f.kind}`)).toEqual(['epic:backlog-done-not-shipped']);
    expect(JSON.stringify(pub)).not.toMatch(/zebra/i);
  });
});

describe('drift helpers', () => {
  it('lists flags item by item in id order, and groups them by kind in rule order', () => {
    const v = view({
      roadmap: [
        item('b-late', { status: 'in-progress', start: '2026-01-01', end: '2026-02-01' }),
        item('a-idle', { horizon: 'now' }),
      ],
      backlog: [backlogItem('L-1', { epic: 'b-late', status: 'todo' })],
    });
    const flags = driftFlags(v);
    expect(flags.map((f) => f.itemId)).toEqual(['a-idle', 'b-late']);
    expect(driftByKind(flags).map((g) => [g.kind, g.flags.length])).toEqual([
      ['overdue', 1],
      ['now-without-work', 1],
    ]);
    expect([...driftByItem(flags).keys()]).toEqual(['a-idle', 'b-late']);
    expect(DRIFT_KINDS).toHaveLength(5);
  });
});

describe('alignment', () => {
  const world: Partial<Content> = {
    objectives: [
      objective('served'),
      objective('lonely', { title: 'Lonely goal' }),
      objective('zebra-goal', { visibility: 'internal' }),
    ],
    roadmap: [
      item('serving', { objectives: ['served'] }),
      item('aimless', { title: 'Aimless' }),
      item('cancelled-aimless', { title: 'Cancelled aimless', status: 'cancelled' }),
      item('secretly-aimed', { objectives: ['zebra-goal'] }),
      item('shipped', { status: 'shipped', objectives: ['served'] }),
    ],
    backlog: [
      backlogItem('S-1', { epic: 'serving' }),
      backlogItem('ORPHAN-10'),
      backlogItem('ORPHAN-9'),
      backlogItem('ZEBRA-1', { visibility: 'internal' }),
      backlogItem('ZEBRA-2', { visibility: 'internal', epic: 'aimless' }),
    ],
  };

  it('finds objectives with no item, items serving no objective and orphans, internally', () => {
    const a = alignment(view(world, 'internal'));
    expect(a.objectivesWithoutItems.map((o) => o.id)).toEqual(['lonely']);
    expect(a.itemsWithoutObjectives.map((i) => i.id)).toEqual(['aimless', 'cancelled-aimless']);
    expect(a.orphans.map((b) => b.id)).toEqual(['ORPHAN-9', 'ORPHAN-10', 'ZEBRA-1']);
    expect(a.itemsWithoutBacklog.map((i) => i.id)).toEqual(['secretly-aimed']);
  });

  it('judges a public view on public entries, without calling an item aimless for a hidden objective', () => {
    const a = alignment(view(world, 'public'));
    expect(a.itemsWithoutObjectives.map((i) => i.id)).toEqual(['aimless', 'cancelled-aimless']);
    expect(a.orphans.map((b) => b.id)).toEqual(['ORPHAN-9', 'ORPHAN-10']);
    // Its only work is internal, so publicly the aimless item has none.
    expect(a.itemsWithoutBacklog.map((i) => i.id)).toEqual(['aimless', 'secretly-aimed']);
    expect(JSON.stringify(a)).not.toMatch(/zebra/i);
  });
});

describe('stale entries', () => {
  const world: Partial<Content> = {
    site: site({ staleAfterDays: 30 }),
    mission: mission({ updated: '2026-11-01' }),
    vision: vision({ updated: '2026-10-22' }), // exactly 30 days: still fresh
    objectives: [objective('old', { updated: '2026-10-21' })],
    roadmap: [item('never', { horizon: 'later' }), item('zebra-never', { visibility: 'internal', horizon: 'later' })],
    wiki: [wikiPage('ancient', { updated: '2025-01-01' })],
    backlog: [
      backlogItem('NO-DATE'),
      backlogItem('OLD-DATE', { updated: '2026-01-01' }),
      backlogItem('NEW-DATE', { updated: '2026-11-20' }),
    ],
  };

  it('lists never-reviewed entries first, then the oldest review first', () => {
    expect(staleEntries(view(world)).map((e) => `${e.kind}:${e.id}:${e.ageDays}`)).toEqual([
      'roadmap:never:null',
      'roadmap:zebra-never:null',
      'wiki:ancient:689',
      'backlog:OLD-DATE:324',
      'objective:old:31',
    ]);
  });

  it('counts a backlog item only when an updated date it carries is too old', () => {
    const ids = staleEntries(view(world)).map((e) => e.id);
    expect(ids).toContain('OLD-DATE');
    expect(ids).not.toContain('NO-DATE');
    expect(ids).not.toContain('NEW-DATE');
  });

  it('leaves internal entries out of a public view', () => {
    expect(staleEntries(view(world, 'public')).map((e) => e.id)).not.toContain('zebra-never');
  });

  it('come together with drift and alignment in the health report', () => {
    const report = healthReport(view(world));
    expect(report.today).toBe(TODAY);
    expect(report.staleAfterDays).toBe(30);
    expect(report.stale).toHaveLength(5);
    expect(report.alignment.itemsWithoutObjectives.map((i) => i.id)).toEqual(['never', 'zebra-never']);
  });
});
