import { describe, expect, it } from 'vitest';
import { describeChange, headline, summaryText } from '../../src/lib/diff/describe.ts';
import { diffViews } from '../../src/lib/diff/diff.ts';
import { diffMarkdown, escapeMarkdown } from '../../src/lib/diff/markdown.ts';
import type { RoadmapDiff } from '../../src/lib/diff/types.ts';
import { audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import { content, item, mission, objective, site, vision } from './helpers/content.ts';

const TODAY = '2026-05-15';
const BEFORE: Content = content({
  site: site({ fiscalYearStartMonth: 4 }),
  mission: mission({ visibility: 'public' }),
  vision: vision({ visibility: 'public' }),
  objectives: [
    objective('uptime', {
      title: 'Keep it up',
      keyResults: [
        {
          kind: 'measured',
          id: null,
          title: 'Availability',
          start: 99,
          target: 99.9,
          current: 99.45,
          unit: '%',
          confidence: null,
        },
      ],
    }),
  ],
  roadmap: [
    item('status-page', { title: 'Status page', status: 'planned', start: '2026-07-01', end: '2026-09-30' }),
    item('alerts', { title: 'Alerts *beta*', status: 'in-progress', period: '2027-Q1' }),
    item('old-thing', { title: 'Old thing', status: 'exploring' }),
    item('exports', { title: 'Zebra exports', status: 'exploring', visibility: 'internal' }),
  ],
});
const AFTER: Content = (() => {
  const c = structuredClone(BEFORE);
  const get = (id: string) => c.roadmap.find((i) => i.id === id)!;
  get('status-page').status = 'in-progress';
  get('alerts').period = '2027-Q2';
  Object.assign(get('exports'), { visibility: 'public', title: 'Data exports' });
  c.roadmap = c.roadmap.filter((i) => i.id !== 'old-thing');
  c.roadmap.push(item('search', { title: 'Search', status: 'planned' }));
  const availability = c.objectives[0]!.keyResults[0]!;
  if (availability.kind === 'measured') availability.current = 99.72;
  return c;
})();

const diffFor = (audience: Audience, before: Content = BEFORE, after: Content = AFTER): RoadmapDiff =>
  diffViews(
    audienceView(resolveContent(before, TODAY), audience),
    audienceView(resolveContent(after, TODAY), audience),
    {
      audience,
      base: { rev: 'main', commit: '0123456789abcdef0123456789abcdef01234567' },
      head: { rev: 'working tree', commit: null },
      today: TODAY,
    },
  );

const PREVIEW = 'https://acme.github.io/roadmap/pr-preview/pr-7';

describe('diffMarkdown', () => {
  const markdown = diffMarkdown([diffFor('public'), diffFor('internal')], { previewUrl: PREVIEW });

  it('starts with one summary line per audience and links to the preview', () => {
    const [title, , summary, , publishes, , links] = markdown.split('\n');
    expect(publishes).toBe('**Publishes:** Item “Data exports”, Item “Search”');
    expect(title).toBe('### Roadmap changes');
    expect(summary).toBe(
      '`main` (0123456) → working tree: **Public site:** 2 published, 1 removed, 3 changed (1 slipped) · ' +
        '**Internal site:** 2 published, 1 removed, 4 changed (1 slipped)',
    );
    expect(links).toBe(`[Preview the site](${PREVIEW}/) · [What this change does](${PREVIEW}/changes/preview/)`);
  });

  it('lists, for the public site, what gets published first, then removals and changes, and says nothing internal', () => {
    const pub = markdown.slice(markdown.indexOf('#### Public site'), markdown.indexOf('<details>'));
    expect(pub).toBe(
      [
        '#### Public site',
        '',
        '**Published: newly visible to everyone**',
        '',
        `- Item [Data exports](${PREVIEW}/roadmap/exports/)`,
        `- Item [Search](${PREVIEW}/roadmap/search/)`,
        '',
        '**Removed**',
        '',
        '- Item **Old thing**: was Exploring',
        '',
        '**Changed**',
        '',
        `- Item [Alerts \\*beta\\*](${PREVIEW}/roadmap/alerts/): slipped 92 days, 1 quarter later: FY27 Q1 → FY27 Q2; now 1 Jul 2026 – 30 Sep 2026`,
        `- Item [Status page](${PREVIEW}/roadmap/status-page/): status: Planned → In progress; moved from Next to Now`,
        `- Objective [Keep it up](${PREVIEW}/objectives/uptime/): key result “Availability”: current 99.45% → 99.72%, progress 50% → 80% (+30 points)`,
        '',
        '',
      ].join('\n'),
    );
    expect(pub).not.toMatch(/zebra/i);
  });

  it('folds the internal site, where an entry made public says so', () => {
    const internal = markdown.slice(markdown.indexOf('<details>'));
    expect(internal).toContain(
      '<details><summary><strong>Internal site</strong>: 2 published, 1 removed, 4 changed (1 slipped)</summary>',
    );
    expect(internal).toContain(
      `**Becomes public**\n\n- Item [Data exports](${PREVIEW}/roadmap/exports/): made public (was internal)\n- Item [Search](${PREVIEW}/roadmap/search/): new, public`,
    );
    expect(internal).toContain('renamed from “Zebra exports”; made public');
    expect(internal.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('links nothing without a preview URL, and says when nothing changed', () => {
    const plain = diffMarkdown([diffFor('public', BEFORE, BEFORE)]);
    expect(plain).toBe(
      '### Roadmap changes\n\n`main` (0123456) → working tree: **Public site:** no changes\n\n#### Public site\n\nNo changes.\n',
    );
    expect(diffMarkdown([diffFor('public')])).not.toContain('](');
  });

  it('escapes Markdown in titles', () => {
    expect(escapeMarkdown('A [link](x) *and* <b>_')).toBe('A \\[link\\](x) \\*and\\* \\<b\\>\\_');
  });
});

describe('describeChange', () => {
  it('says each kind of change in a sentence', () => {
    const span = (start: string, end: string) => ({ start, end });
    expect(describeChange({ type: 'status', from: 'planned', to: 'in-progress' })).toBe(
      'status: Planned → In progress',
    );
    expect(describeChange({ type: 'horizon', from: 'later', to: 'next' })).toBe('moved from Later to Next');
    expect(
      describeChange({
        type: 'dates',
        from: span('2026-07-01', '2026-09-30'),
        to: span('2026-07-01', '2026-12-31'),
        startDays: 0,
        endDays: 92,
        quarters: 1,
        fromQuarter: 'FY27 Q2',
        toQuarter: 'FY27 Q3',
      }),
    ).toBe('slipped 92 days, 1 quarter later: FY27 Q2 → FY27 Q3; now 1 Jul 2026 – 31 Dec 2026');
    expect(
      describeChange({
        type: 'dates',
        from: span('2026-07-01', '2026-09-30'),
        to: span('2026-07-15', '2026-09-30'),
        startDays: 14,
        endDays: 0,
        quarters: 0,
        fromQuarter: 'FY27 Q2',
        toQuarter: 'FY27 Q2',
      }),
    ).toBe('start moved 14 days later; now 15 Jul 2026 – 30 Sep 2026');
    expect(
      describeChange({
        type: 'dates',
        from: span('2026-07-01', '2026-09-30'),
        to: null,
        startDays: null,
        endDays: null,
        quarters: null,
        fromQuarter: 'FY27 Q2',
        toQuarter: null,
      }),
    ).toBe('unscheduled (was 1 Jul 2026 – 30 Sep 2026)');
    expect(describeChange({ type: 'confidence', from: 'high', to: 'low' })).toBe('confidence: high → low');
    expect(describeChange({ type: 'theme', from: 'Trust', to: 'Speed' })).toBe('theme: Trust → Speed');
    expect(
      describeChange({
        type: 'dependencies',
        added: [{ kind: 'roadmap', id: 'a', title: 'A', visibility: 'public', path: 'roadmap/a/' }],
        removed: [],
        hiddenFrom: 0,
        hiddenTo: 1,
      }),
    ).toBe('now depends on “A”; now depends on 1 more internal item');
    expect(
      describeChange({
        type: 'keyResult',
        change: 'changed',
        key: 'x',
        title: 'Churn',
        unit: '%',
        start: null,
        target: { from: 3, to: 2 },
        current: null,
        done: null,
        progressFrom: 0.5,
        progressTo: 0.25,
        delta: -0.25,
      }),
    ).toBe('key result “Churn”: target 3% → 2%, progress 50% → 25% (−25 points)');
    expect(describeChange({ type: 'visibility', from: 'internal', to: 'public' })).toBe('made public');
  });
});

describe('summaryText and headline', () => {
  it('count each entry once', () => {
    expect(summaryText(diffFor('internal'))).toBe('2 published, 1 removed, 4 changed (1 slipped)');
    expect(summaryText(diffFor('public', BEFORE, BEFORE))).toBe('no changes');
  });

  it('name a few changes, or count many', () => {
    const few = diffFor(
      'public',
      BEFORE,
      (() => {
        const c = structuredClone(BEFORE);
        c.roadmap.find((i) => i.id === 'status-page')!.status = 'shipped';
        return c;
      })(),
    );
    expect(headline(few)).toBe('“Status page” is now shipped');
    expect(headline(diffFor('public'))).toBe('2 entries published, 1 removed, 3 changed (1 slipped)');
  });

  it('say a rename from what to what, once for an objective and its item renamed alike', () => {
    const before = content({
      objectives: [objective('goal', { title: 'Faster builds' })],
      roadmap: [item('goal', { title: 'Faster builds', objectives: ['goal'] })],
    });
    const after = structuredClone(before);
    after.objectives[0]!.title = 'Builds in a minute';
    after.roadmap[0]!.title = 'Builds in a minute';
    const v = (c: Content) => audienceView(resolveContent(c, '2026-11-21'), 'public');
    const revision = { rev: 'x', commit: null };
    const diff = diffViews(v(before), v(after), {
      audience: 'public',
      base: revision,
      head: revision,
      today: '2026-11-21',
    });
    expect(headline(diff)).toBe('“Faster builds” renamed “Builds in a minute” (item and objective)');
  });
});
