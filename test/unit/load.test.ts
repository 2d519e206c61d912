import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/content/diagnostics.ts';
import { type LoadResult, loadContent } from '../../src/lib/content/load.ts';
import { doc, memorySource } from './helpers/memory-source.ts';

/**
 * YAML frontmatter from fields whose values are raw YAML, one line each, in the order given
 * (so a test can say which line a field is on: the first field is line 2, after `---`).
 * An `undefined` value leaves the field out.
 */
function md(fields: Record<string, string | undefined>, body = ''): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (value!.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`));
  return doc(lines.join('\n'), body);
}

const roadmapFields = {
  title: 'Public portal', // line 2
  summary: 'A public page for the roadmap', // line 3
  theme: 'Trust', // line 4
  status: 'planned', // line 5
  start: '2026-05-01', // line 6
  end: '2026-07-31', // line 7
  objectives: '[Grow-Usage]', // line 8
  tags: '[portal, web]', // line 9
};
const roadmap = (overrides: Record<string, string | undefined> = {}, body = '') =>
  md({ ...roadmapFields, ...overrides }, body);

const objectiveFields = {
  title: 'Grow usage', // line 2
  period: '2027', // line 3
  keyResults: [
    '', // line 4
    '  - title: Weekly readers', // line 5
    '    start: 0', // line 6
    '    target: 1000', // line 7
    '    current: 250', // line 8
    '  - title: Churn', // line 9
    '    start: 5', // line 10
    '    target: 3', // line 11
    '    current: 4', // line 12
    '    unit: "%"', // line 13
  ].join('\n'),
};
const objective = (overrides: Record<string, string | undefined> = {}) => md({ ...objectiveFields, ...overrides });

/** A small content set that loads without a single diagnostic. */
const VALID: Record<string, string> = {
  'site.yaml': [
    'title: Acme Roadmap',
    'url: https://roadmap.acme.example/',
    'defaultVisibility: public',
    'fiscalYearStartMonth: 4',
    'themes:',
    '  - id: Trust',
    '    color: "#2f6fed"',
    '    description: Make the roadmap something people believe',
  ].join('\n'),
  'mission.md': doc('statement: We make plans people can trust.', 'Why we exist, at length.'),
  'vision.md': md({ title: 'Where we are going', statement: 'Every team publishes its roadmap.', horizon: '2028' }),
  'objectives/Grow-Usage.md': objective(),
  'roadmap/public-portal.mdx': roadmap({}, 'The **why** of the portal.'),
  'roadmap/search.md': md({
    title: 'Search',
    summary: 'Find anything on the roadmap',
    theme: 'Findability',
    status: 'exploring',
    quarter: '2027-Q2',
    dependsOn: '[Public-Portal]',
    visibility: 'internal',
    updated: '2026-03-02',
    owner: 'Platform team',
  }),
  'backlog/sprint-12.yaml': [
    '- id: ACME-1',
    '  title: Render the portal home page',
    '  type: story',
    '  status: in-progress',
    '  epic: Public-Portal',
    '  sprint: 12',
    '  points: 3',
    '- id: ACME-2',
    '  title: Fix the broken footer link',
    '  type: defect',
    '  status: todo',
  ].join('\n'),
  'backlog/spike-search.mdx': md({ title: 'Try a search index', type: 'spike', status: 'todo', epic: 'search' }),
  'wiki/teams/Platform.md': md({ title: 'Platform team', summary: 'Who we are', order: '2' }, 'We run the platform.'),
};

/** Loads VALID with some files replaced (a string) or removed (null). */
function load(changes: Record<string, string | null> = {}): Promise<LoadResult> {
  const files: Record<string, string> = { ...VALID };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  return loadContent(memorySource(files));
}

const errorsOf = (result: LoadResult): Diagnostic[] => result.diagnostics.filter((d) => d.severity === 'error');
const warningsOf = (result: LoadResult): Diagnostic[] => result.diagnostics.filter((d) => d.severity === 'warning');

describe('loadContent', () => {
  describe('a valid content folder', () => {
    it('loads without a single diagnostic', async () => {
      const result = await load();
      expect(result.diagnostics).toEqual([]);
      expect(result.content).not.toBeNull();
    });

    it('reads the site settings, dropping a trailing slash from the url', async () => {
      const { content } = await load();
      expect(content!.site).toEqual({
        title: 'Acme Roadmap',
        description: null,
        url: 'https://roadmap.acme.example',
        defaultVisibility: 'public',
        fiscalYearStartMonth: 4,
        staleAfterDays: 90,
        themes: [{ id: 'Trust', color: '#2f6fed', description: 'Make the roadmap something people believe' }],
        trackerUrl: null,
      });
    });

    it('defaults the fiscal year to the calendar year, staleness to 90 days and visibility to internal', async () => {
      const { content } = await load({ 'site.yaml': 'title: Acme Roadmap' });
      expect(content!.site).toMatchObject({
        url: null,
        defaultVisibility: 'internal',
        fiscalYearStartMonth: 1,
        staleAfterDays: 90,
        themes: [],
      });
    });

    it('names each entry by its file path inside its collection, lower-cased and without extension', async () => {
      const { content } = await load();
      expect(content!.objectives.map((o) => o.id)).toEqual(['grow-usage']);
      expect(content!.roadmap.map((i) => i.id)).toEqual(['public-portal', 'search']);
      expect(content!.wiki.map((w) => w.id)).toEqual(['teams/platform']);
    });

    it('takes a listed backlog item’s id from its id field and a backlog file’s id from its path', async () => {
      const { content } = await load();
      expect(content!.backlog.map((b) => [b.id, b.file])).toEqual([
        ['ACME-1', 'backlog/sprint-12.yaml'],
        ['ACME-2', 'backlog/sprint-12.yaml'],
        ['spike-search', 'backlog/spike-search.mdx'],
      ]);
    });

    it('lower-cases references so they match ids whatever case the author wrote', async () => {
      const { content } = await load();
      const [portal, search] = content!.roadmap;
      expect(portal!.objectives).toEqual(['grow-usage']);
      expect(search!.dependsOn).toEqual(['public-portal']);
      expect(content!.backlog[0]!.epic).toBe('public-portal');
    });

    it('reads a roadmap item with every field it wrote and nulls for the rest', async () => {
      const { content } = await load();
      expect(content!.roadmap[0]).toEqual({
        kind: 'roadmap',
        id: 'public-portal',
        file: 'roadmap/public-portal.mdx',
        title: 'Public portal',
        visibility: 'public',
        updated: null,
        owners: [],
        hasBody: true,
        summary: 'A public page for the roadmap',
        theme: 'Trust',
        status: 'planned',
        start: '2026-05-01',
        end: '2026-07-31',
        period: null,
        horizon: null,
        objectives: ['grow-usage'],
        dependsOn: [],
        team: null,
        confidence: null,
        tags: ['portal', 'web'],
        tracker: null,
      });
    });

    it('keeps unquoted dates as the text the author wrote', async () => {
      const { content } = await load();
      const search = content!.roadmap[1]!;
      expect(search.updated).toBe('2026-03-02');
      expect(typeof content!.roadmap[0]!.start).toBe('string');
    });

    it('accepts quoted dates just like unquoted ones', async () => {
      const { content } = await load({
        'roadmap/public-portal.mdx': roadmap({ start: '"2026-05-01"', end: "'2026-07-31'" }),
      });
      expect(content!.roadmap[0]).toMatchObject({ start: '2026-05-01', end: '2026-07-31' });
    });

    it('reads numbers where text is meant as text: period 2027, sprint 12, horizon 2028', async () => {
      const { content } = await load();
      expect(content!.objectives[0]!.period).toBe('2027');
      expect(content!.backlog[0]!.sprint).toBe('12');
      expect(content!.vision.horizon).toBe('2028');
    });

    it('keeps numbers that are numbers: points, order and key-result values', async () => {
      const { content } = await load();
      expect(content!.backlog[0]!.points).toBe(3);
      expect(content!.wiki[0]!.order).toBe(2);
      expect(content!.objectives[0]!.keyResults[1]).toEqual({
        kind: 'measured',
        id: null,
        title: 'Churn',
        start: 5,
        target: 3,
        current: 4,
        unit: '%',
        confidence: null,
      });
    });

    it('gives every entry the default visibility of site.yaml unless it sets its own', async () => {
      const { content } = await load();
      expect(content!.roadmap.map((i) => i.visibility)).toEqual(['public', 'internal']);
      expect(content!.backlog.map((b) => b.visibility)).toEqual(['public', 'public', 'public']);
      expect(content!.wiki[0]!.visibility).toBe('public');
    });

    it('makes every entry internal when site.yaml names no default visibility (fail closed)', async () => {
      const { content } = await load({ 'site.yaml': 'title: Acme Roadmap' });
      const all = [
        content!.mission,
        content!.vision,
        ...content!.objectives,
        ...content!.roadmap,
        ...content!.backlog,
        ...content!.wiki,
      ];
      expect(new Set(all.map((e) => e.visibility))).toEqual(new Set(['internal']));
    });

    it('lets an entry be public when the default is internal', async () => {
      const { content } = await load({
        'site.yaml': 'title: Acme Roadmap',
        'roadmap/public-portal.mdx': roadmap({ visibility: 'public' }),
      });
      expect(content!.roadmap.map((i) => [i.id, i.visibility])).toEqual([
        ['public-portal', 'public'],
        ['search', 'internal'],
      ]);
    });

    it('titles the mission "Mission" unless it has a title, and reads its statement', async () => {
      const { content } = await load();
      expect(content!.mission).toMatchObject({
        kind: 'mission',
        id: 'mission',
        title: 'Mission',
        statement: 'We make plans people can trust.',
        hasBody: true,
      });
      expect(content!.vision).toMatchObject({ title: 'Where we are going', hasBody: false });
    });

    it('titles the vision "Vision" unless it has a title', async () => {
      const { content } = await load({ 'vision.md': doc('statement: Every team publishes its roadmap.') });
      expect(content!.vision.title).toBe('Vision');
    });

    it('marks entries that have a body to render; listed backlog items have none', async () => {
      const { content } = await load();
      expect(content!.roadmap.map((i) => i.hasBody)).toEqual([true, false]);
      expect(content!.backlog.map((b) => b.hasBody)).toEqual([false, false, false]);
      expect(content!.wiki[0]!.hasBody).toBe(true);
    });

    it('reads a quarter (the older spelling of period) instead of start and end', async () => {
      const { content } = await load();
      expect(content!.roadmap[1]).toMatchObject({ period: '2027-Q2', start: null, end: null });
    });

    it('accepts an item that starts and ends on the same day', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: '2026-05-01', end: '2026-05-01' }) });
      expect(errorsOf(result)).toEqual([]);
    });

    it('accepts an item with no dates at all', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: undefined, end: undefined }) });
      expect(result.content!.roadmap[0]).toMatchObject({ start: null, end: null, period: null });
    });

    it('accepts a leap day unquoted', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: '2024-02-29', end: '2024-03-01' }) });
      expect(result.content!.roadmap[0]!.start).toBe('2024-02-29');
    });

    it('reads a backlog list written as JSON', async () => {
      const { content } = await load({
        'backlog/imported.json': JSON.stringify([{ id: 'JIRA-7', title: 'Imported', type: 'task', status: 'done' }]),
      });
      expect(content!.backlog.find((b) => b.id === 'JIRA-7')).toMatchObject({
        file: 'backlog/imported.json',
        type: 'task',
        status: 'done',
        epic: null,
      });
    });

    it('accepts an empty backlog list', async () => {
      const result = await load({ 'backlog/sprint-13.yaml': '[]' });
      expect(result.diagnostics).toEqual([]);
      expect(result.content!.backlog).toHaveLength(3);
    });

    it('sorts every collection by id, whatever order the files come in', async () => {
      const { content } = await load({
        'roadmap/Zebra.md': roadmap({ title: 'Zebra', objectives: undefined }),
        'roadmap/alpha.md': roadmap({ title: 'Alpha', objectives: undefined }),
      });
      expect(content!.roadmap.map((i) => i.id)).toEqual(['alpha', 'public-portal', 'search', 'zebra']);
    });
  });

  describe('warnings, which still give content', () => {
    it('warns about an unknown field with a "did you mean" hint and loads the rest', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ tag: '[beta]' }) });
      expect(result.content).not.toBeNull();
      expect(result.diagnostics).toEqual([
        {
          severity: 'warning',
          file: 'content/roadmap/public-portal.mdx',
          line: 10,
          field: 'tag',
          message: expect.stringContaining('unknown field, ignored; did you mean "tags"?'),
        },
      ]);
      expect(result.diagnostics[0]!.message).toContain('known fields: title, visibility');
    });

    it('gives no hint for an unknown field that resembles no known one', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ xyzzy: 'plugh' }) });
      expect(result.content).not.toBeNull();
      expect(warningsOf(result)).toHaveLength(1);
      expect(warningsOf(result)[0]!.message).not.toContain('did you mean');
    });

    it('warns about an unknown field inside a backlog list, naming the item', async () => {
      const result = await load({
        'backlog/extra.yaml': '- id: X-1\n  title: T\n  type: task\n  status: todo\n  pionts: 3\n',
      });
      expect(result.content).not.toBeNull();
      expect(warningsOf(result)).toEqual([
        expect.objectContaining({ file: 'content/backlog/extra.yaml', line: 5, field: 'X-1.pionts' }),
      ]);
      expect(warningsOf(result)[0]!.message).toContain('did you mean "points"?');
    });

    it('warns about an unknown field inside a key result, with a hint', async () => {
      const keyResults = objectiveFields.keyResults.replace('    current: 250', '    current: 250\n    unti: readers');
      const result = await load({ 'objectives/Grow-Usage.md': objective({ keyResults }) });
      expect(result.content).not.toBeNull();
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          severity: 'warning',
          line: 9,
          field: 'keyResults[0].unti',
          message: expect.stringContaining('did you mean "unit"?'),
        }),
      ]);
    });

    it('warns about a file that is not part of the content model and ignores it', async () => {
      const result = await load({ 'notes/todo.md': doc('title: Notes'), 'roadmap/nested/deep.md': roadmap() });
      expect(result.content).not.toBeNull();
      expect(warningsOf(result).map((d) => d.file)).toEqual([
        'content/notes/todo.md',
        'content/roadmap/nested/deep.md',
      ]);
      expect(warningsOf(result)[0]!.message).toContain('not part of the content model');
    });
  });

  describe('bad input: one diagnostic per problem, naming file, line, field, value and expectation', () => {
    it('reports a missing required field (a roadmap item without summary)', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ summary: undefined }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 2, // no line holds the missing field: the frontmatter's first
          field: 'summary',
          message: 'required field is missing; expected text',
        },
      ]);
    });

    it('reports a missing status and lists the statuses allowed', async () => {
      const result = await load({ 'roadmap/extra.md': roadmap({ status: undefined }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          file: 'content/roadmap/extra.md',
          field: 'status',
          message:
            'required field is missing; expected one of: exploring, planned, in-progress, shipped, paused, cancelled',
        }),
      ]);
    });

    it('reports an unknown status and lists the statuses allowed', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ status: 'doing' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 5,
          field: 'status',
          value: 'doing',
          message: 'got "doing"; expected one of: exploring, planned, in-progress, shipped, paused, cancelled',
        },
      ]);
    });

    it('reports an unknown visibility and says it must be public or internal', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ visibility: 'secret' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 10,
          field: 'visibility',
          value: 'secret',
          message: 'got "secret"; expected one of: public, internal',
        },
      ]);
    });

    it('reports an unknown default visibility in site.yaml', async () => {
      const result = await load({ 'site.yaml': 'title: Acme\ndefaultVisibility: everyone\n' });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          file: 'content/site.yaml',
          line: 2,
          field: 'defaultVisibility',
          value: 'everyone',
          message: 'got "everyone"; expected one of: public, internal',
        }),
      ]);
    });

    it('reports a malformed date (2026-1-5) and says how dates are written', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: '2026-1-5' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 6,
          field: 'start',
          value: '2026-1-5',
          message: 'got "2026-1-5"; expected a real calendar date written YYYY-MM-DD',
        },
      ]);
    });

    it('reports impossible dates written unquoted (2026-02-30, 2027-13-01) instead of rolling them over', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: '2026-02-30', end: '2027-13-01' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          line: 6,
          field: 'start',
          value: '2026-02-30',
          message: 'got "2026-02-30"; expected a real calendar date written YYYY-MM-DD',
        }),
        expect.objectContaining({
          line: 7,
          field: 'end',
          value: '2027-13-01',
          message: 'got "2027-13-01"; expected a real calendar date written YYYY-MM-DD',
        }),
      ]);
    });

    it('reports an impossible date in updated, and a non-leap February 29', async () => {
      const result = await load({ 'wiki/teams/Platform.md': md({ title: 'Platform', updated: '2025-02-29' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          file: 'content/wiki/teams/Platform.md',
          line: 3,
          field: 'updated',
          value: '2025-02-29',
        }),
      ]);
    });

    it('reports a malformed period (2027-Q5) and says how periods are written', async () => {
      const result = await load({ 'objectives/Grow-Usage.md': objective({ period: '2027-Q5' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/objectives/Grow-Usage.md',
          line: 3,
          field: 'period',
          value: '2027-Q5',
          message:
            'got "2027-Q5"; expected a fiscal period written YYYY-Qn (quarter), YYYY-Hn (half) or YYYY (year), e.g. 2027-Q1, 2027-H2, 2027',
        },
      ]);
    });

    it('reports a roadmap quarter that is not a quarter (2027-H1)', async () => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ start: undefined, end: undefined, quarter: '2027-H1' }),
      });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'quarter',
          value: '2027-H1',
          message:
            'got "2027-H1"; expected a fiscal quarter written YYYY-Qn (e.g. 2027-Q1); for a half or a year write period: 2027-H1 or period: 2027',
        }),
      ]);
    });

    it('reports an end before the start, naming both dates', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: '2026-06-01', end: '2026-05-31' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 7,
          field: 'end',
          value: '2026-05-31',
          message: 'got "2026-05-31"; end is before start (2026-06-01); expected end on or after start',
        },
      ]);
    });

    it('reports a start without an end', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ end: undefined }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ field: 'end', message: 'expected start and end together; end is missing' }),
      ]);
    });

    it('reports a quarter given together with start and end', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ quarter: '2027-Q1' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'quarter',
          value: '2027-Q1',
          message: expect.stringContaining('expected either quarter or start and end, not both'),
        }),
      ]);
    });

    it('reports a key result whose target equals its start', async () => {
      const keyResults = objectiveFields.keyResults.replace('target: 1000', 'target: 0');
      const result = await load({ 'objectives/Grow-Usage.md': objective({ keyResults }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/objectives/Grow-Usage.md',
          line: 7,
          field: 'keyResults[0].target',
          value: 0,
          message: 'got 0; target equals start, so progress cannot be measured; expected a target different from start',
        },
      ]);
    });

    it('warns about an objective without key results (empty or absent), and still loads it', async () => {
      for (const keyResults of ['[]', undefined]) {
        const result = await load({ 'objectives/Grow-Usage.md': objective({ keyResults }) });
        expect(result.content!.objectives[0]!.keyResults).toEqual([]);
        expect(result.diagnostics).toEqual([
          expect.objectContaining({
            severity: 'warning',
            file: 'content/objectives/Grow-Usage.md',
            field: 'keyResults',
            message: expect.stringContaining('no key results, so progress is "not measured"'),
          }),
        ]);
      }
    });

    it('reports two roadmap files whose ids differ only in case (a.md and A.mdx)', async () => {
      const result = await load({ 'roadmap/a.md': roadmap({ title: 'a' }), 'roadmap/A.mdx': roadmap({ title: 'A' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: 'content/roadmap/a.md',
          field: '(file)',
          value: 'a',
          message: 'duplicate roadmap item id "a", already used in content/roadmap/A.mdx; expected ids unique',
        }),
      ]);
    });

    it('reports a backlog id used in two YAML files, pointing at the first use', async () => {
      const result = await load({
        'backlog/sprint-13.yaml':
          '- id: ACME-3\n  title: New\n  type: task\n  status: todo\n- id: ACME-1\n  title: Again\n  type: task\n  status: todo\n',
      });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/backlog/sprint-13.yaml',
          line: 5,
          field: 'ACME-1.id',
          value: 'ACME-1',
          message:
            'duplicate backlog item id "ACME-1", already used in content/backlog/sprint-12.yaml:1; expected ids unique across the whole backlog',
        },
      ]);
    });

    it('reports a backlog file whose id is already used by a listed backlog item', async () => {
      const result = await load({
        'backlog/sprint-13.yaml': '- id: spike-search\n  title: Again\n  type: spike\n  status: todo\n',
      });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          file: 'content/backlog/sprint-13.yaml',
          value: 'spike-search',
          message: expect.stringContaining('already used in content/backlog/spike-search.mdx'),
        }),
      ]);
    });

    it('reports a listed backlog id that matches a backlog file’s id in another case (ACME-9, backlog/acme-9.md)', async () => {
      const result = await load({
        'backlog/acme-9.md': md({ title: 'From a file', type: 'task', status: 'todo' }),
        'backlog/sprint-13.yaml': '- id: ACME-9\n  title: From a list\n  type: task\n  status: todo\n',
      });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: expect.stringMatching(/id|\(file\)/),
          message: expect.stringMatching(/^duplicate backlog item id "(ACME-9|acme-9)", already used in /),
        }),
      ]);
    });

    it('reports a roadmap item serving an objective that does not exist, listing those that do', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ objectives: '[grow-usage, Retention]' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 8,
          field: 'objectives[1]',
          value: 'retention',
          message: 'no objective has the id "retention"; expected one of: grow-usage',
        },
      ]);
    });

    it('reports a dependency on a roadmap item that does not exist', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ dependsOn: '[ghost]' }) });
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 10,
          field: 'dependsOn[0]',
          value: 'ghost',
          message: 'no roadmap item has the id "ghost"; expected one of: public-portal, search',
        },
      ]);
    });

    it('reports an objective whose parent does not exist', async () => {
      const result = await load({ 'objectives/Grow-Usage.md': objective({ parent: 'company-goals' }) });
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/objectives/Grow-Usage.md',
          line: 14,
          field: 'parent',
          value: 'company-goals',
          message: 'no objective has the id "company-goals"; expected one of: grow-usage',
        },
      ]);
    });

    it('reports a listed backlog item whose epic does not exist', async () => {
      const result = await load({
        'backlog/sprint-13.yaml': '- id: ACME-3\n  title: New\n  type: task\n  status: todo\n  epic: ghost\n',
      });
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/backlog/sprint-13.yaml',
          line: 5,
          field: 'ACME-3.epic',
          value: 'ghost',
          message: 'no roadmap item has the id "ghost"; expected one of: public-portal, search',
        },
      ]);
    });

    it('reports a backlog file whose epic does not exist', async () => {
      const result = await load({
        'backlog/spike-search.mdx': md({ title: 'Try a search index', type: 'spike', status: 'todo', epic: 'ghost' }),
      });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ file: 'content/backlog/spike-search.mdx', line: 5, field: 'epic', value: 'ghost' }),
      ]);
    });

    it('reports a dependsOn cycle once, printing the cycle from its alphabetically first item', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ dependsOn: '[search]' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          line: 10,
          field: 'dependsOn',
          value: ['search'],
          message: 'dependsOn cycle: public-portal -> search -> public-portal; expected dependencies without cycles',
        },
      ]);
    });

    it('prints a cycle of two items a and b as "a -> b -> a"', async () => {
      const result = await load({
        'roadmap/b.md': roadmap({ title: 'B', dependsOn: '[A]' }),
        'roadmap/a.md': roadmap({ title: 'A', dependsOn: '[b]' }),
      });
      expect(errorsOf(result).map((d) => [d.file, d.message])).toEqual([
        ['content/roadmap/a.md', 'dependsOn cycle: a -> b -> a; expected dependencies without cycles'],
      ]);
    });

    it('reports an item that depends on itself', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ dependsOn: '[public-portal]' }) });
      expect(errorsOf(result).map((d) => d.message)).toEqual([
        'dependsOn cycle: public-portal -> public-portal; expected dependencies without cycles',
      ]);
    });

    it('reports a longer cycle through three items', async () => {
      const result = await load({
        'roadmap/c.md': roadmap({ title: 'C', dependsOn: '[a]' }),
        'roadmap/b.md': roadmap({ title: 'B', dependsOn: '[c]' }),
        'roadmap/a.md': roadmap({ title: 'A', dependsOn: '[b]' }),
      });
      expect(errorsOf(result).map((d) => d.message)).toEqual([
        'dependsOn cycle: a -> b -> c -> a; expected dependencies without cycles',
      ]);
    });

    it('reports a parent cycle among objectives', async () => {
      const result = await load({
        'objectives/Grow-Usage.md': objective({ parent: 'retain' }),
        'objectives/retain.md': objective({ title: 'Retain', parent: 'grow-usage' }),
      });
      expect(errorsOf(result).map((d) => [d.field, d.message])).toEqual([
        ['parent', 'parent cycle: grow-usage -> retain -> grow-usage; expected objectives to form a tree'],
      ]);
    });

    it('reports a YAML syntax error in frontmatter, naming the file', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ theme: '[Trust' }) });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: 'content/roadmap/public-portal.mdx',
          field: '(yaml)',
          message: expect.stringMatching(/^YAML syntax error: /),
        }),
      ]);
    });

    it('reports a YAML syntax error in a backlog list, naming the file', async () => {
      const result = await load({ 'backlog/sprint-12.yaml': '- id: ACME-1\n  title: "Unclosed\n  type: story\n' });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ file: 'content/backlog/sprint-12.yaml', field: '(yaml)' }),
      ]);
    });

    // Regression: yaml-source.ts parsed with `prettyErrors: false`, so the yaml library never
    // filled `error.linePos`, and every syntax error was reported on the YAML's first line
    // (line 1 of a YAML file, line 2 of a Markdown file).
    it('reports a YAML syntax error in frontmatter on the line where it is', async () => {
      const text = [
        '---', // 1
        'title: Public portal', // 2
        'summary: A public page', // 3
        'theme: Trust', // 4
        'status: planned', // 5
        'title: Public portal again', // 6: a key written twice
        '---',
      ].join('\n');
      const result = await load({ 'roadmap/public-portal.mdx': text });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ field: '(yaml)', line: 6, message: 'YAML syntax error: Map keys must be unique' }),
      ]);
    });

    it('reports a YAML syntax error in a backlog list on the line where it is', async () => {
      const text = [
        '- id: ACME-1', // 1
        '  title: Render the portal', // 2
        '  type: story', // 3
        '  title: Render it again', // 4: a key written twice
      ].join('\n');
      const result = await load({ 'backlog/sprint-12.yaml': text });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ field: '(yaml)', line: 4, message: 'YAML syntax error: Map keys must be unique' }),
      ]);
    });

    it('reports a backlog list file that holds a mapping instead of a list, showing what it holds', async () => {
      const result = await load({ 'backlog/sprint-12.yaml': 'id: ACME-1\ntitle: Render\n' });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/backlog/sprint-12.yaml',
          line: 1,
          field: '(file)',
          value: { id: 'ACME-1', title: 'Render' },
          message:
            'expected a list of backlog items (each with id, title, type, status), or { defaults: {...}, items: [...] }, got {"id":"ACME-1","title":"Render"}',
        },
      ]);
    });

    it('reports a listed backlog item that is not a mapping', async () => {
      const result = await load({ 'backlog/sprint-12.yaml': '- just a line of text\n' });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          file: 'content/backlog/sprint-12.yaml',
          line: 1,
          field: '[0]',
          value: 'just a line of text',
          message: 'got "just a line of text"; expected a set of fields (a YAML mapping)',
        }),
      ]);
    });

    it('reports a missing site.yaml', async () => {
      const result = await load({ 'site.yaml': null });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/site.yaml',
          field: '(file)',
          message: 'missing; expected a site.yaml with at least a title',
        },
      ]);
    });

    it('reports a missing mission', async () => {
      const result = await load({ 'mission.md': null });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        {
          severity: 'error',
          file: 'content/mission.mdx',
          field: '(file)',
          message: 'missing; expected exactly one mission.mdx (or mission.md) with a statement',
        },
      ]);
    });

    it('reports site.yaml and site.yml both present', async () => {
      const result = await load({ 'site.yml': 'title: Another title' });
      expect(result.content).toBeNull();
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ file: 'content/site.yml', field: '(file)', value: ['site.yaml', 'site.yml'] }),
      ]);
    });

    it('reports a mission written twice, as .md and .mdx', async () => {
      const result = await load({ 'mission.mdx': doc('statement: Another.') });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ field: '(file)', message: '2 mission files; expected exactly one' }),
      ]);
    });

    it('reports a fiscal year start month outside 1..12', async () => {
      const result = await load({ 'site.yaml': 'title: Acme\nfiscalYearStartMonth: 13\n' });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          file: 'content/site.yaml',
          line: 2,
          field: 'fiscalYearStartMonth',
          value: 13,
          message: expect.stringContaining('month number from 1 to 12'),
        }),
      ]);
    });

    it('reports a theme declared twice in site.yaml', async () => {
      const result = await load({ 'site.yaml': 'title: Acme\nthemes:\n  - id: Trust\n  - id: Trust\n' });
      expect(errorsOf(result)).toEqual([expect.objectContaining({ line: 4, field: 'themes[1].id', value: 'Trust' })]);
    });

    it('reports a field of the wrong type, with what was written and what was expected', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ tags: 'portal' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          line: 9,
          field: 'tags',
          value: 'portal',
          message: expect.stringMatching(/^got "portal"; expected/),
        }),
      ]);
    });
  });

  describe('reporting every problem in one run', () => {
    it('gives three diagnostics for a file with three errors', async () => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ summary: undefined, status: 'doing', confidence: 'certain' }),
      });
      expect(result.content).toBeNull();
      expect(errorsOf(result).map((d) => d.field)).toEqual(['summary', 'status', 'confidence']);
      expect(errorsOf(result).every((d) => d.file === 'content/roadmap/public-portal.mdx')).toBe(true);
    });

    it('reports problems in several files, sorted by file and line', async () => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ status: 'doing' }),
        'objectives/Grow-Usage.md': objective({ period: '2027-Q5' }),
        'backlog/sprint-12.yaml': 'not: a list\n',
      });
      expect(errorsOf(result).map((d) => `${d.file}:${d.line}:${d.field}`)).toEqual([
        'content/backlog/sprint-12.yaml:1:(file)',
        'content/objectives/Grow-Usage.md:3:period',
        'content/roadmap/public-portal.mdx:5:status',
      ]);
    });

    it('reports a reference problem in one file next to a schema problem in another', async () => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ dependsOn: '[ghost]' }),
        'wiki/teams/Platform.md': md({ title: 'Platform', order: 'first' }),
      });
      expect(errorsOf(result).map((d) => `${d.file} ${d.field}`)).toEqual([
        'content/roadmap/public-portal.mdx dependsOn[0]',
        'content/wiki/teams/Platform.md order',
      ]);
    });

    it('reports an entry with an error of its own once, not again in every entry that refers to it', async () => {
      // public-portal is referred to by search (dependsOn) and by ACME-1 (epic);
      // Grow-Usage by public-portal (objectives).
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ status: 'doing' }),
        'objectives/Grow-Usage.md': objective({ period: '2027-Q5' }),
      });
      expect(errorsOf(result).map((d) => `${d.file} ${d.field}`)).toEqual([
        'content/objectives/Grow-Usage.md period',
        'content/roadmap/public-portal.mdx status',
      ]);
    });

    it('returns no content when the only error is a cross-reference', async () => {
      const result = await load({
        'backlog/spike-search.mdx': md({ title: 'T', type: 'spike', status: 'todo', epic: 'nope' }),
      });
      expect(errorsOf(result)).toHaveLength(1);
      expect(result.content).toBeNull();
    });

    it('returns warnings alongside errors', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ status: 'doing', tag: '[x]' }) });
      expect(result.content).toBeNull();
      expect(result.diagnostics.map((d) => [d.severity, d.field])).toEqual([
        ['error', 'status'],
        ['warning', 'tag'],
      ]);
    });
  });

  it('names files in messages after the source’s label', async () => {
    const files = { ...VALID, 'roadmap/public-portal.mdx': roadmap({ status: 'doing' }) };
    const result = await loadContent(memorySource(files, 'content@main'));
    expect(errorsOf(result)[0]!.file).toBe('content@main/roadmap/public-portal.mdx');
  });
});

describe('every form the spec allows an author to write', () => {
  describe('an optional field written as an empty string means the field is absent', () => {
    // Every optional text-like field of every kind, written `""` (and `''`, and blank).
    const blanks: [string, string, Record<string, string>, (c: NonNullable<LoadResult['content']>) => unknown][] = [
      ['roadmap', 'owner', {}, (c) => c.roadmap[0]!.owners],
      ['roadmap', 'team', {}, (c) => c.roadmap[0]!.team],
      ['roadmap', 'tracker', {}, (c) => c.roadmap[0]!.tracker],
      ['roadmap', 'horizon', {}, (c) => c.roadmap[0]!.horizon],
      ['roadmap', 'confidence', {}, (c) => c.roadmap[0]!.confidence],
      ['roadmap', 'updated', {}, (c) => c.roadmap[0]!.updated],
      ['roadmap', 'visibility', {}, (c) => c.roadmap[0]!.visibility],
      ['roadmap', 'period', { start: '', end: '' }, (c) => [c.roadmap[0]!.period, c.roadmap[0]!.start]],
      ['roadmap', 'quarter', { start: '', end: '' }, (c) => c.roadmap[0]!.period],
      ['objective', 'parent', {}, (c) => c.objectives[0]!.parent],
      ['objective', 'status', {}, (c) => c.objectives[0]!.status],
      ['objective', 'start', {}, (c) => c.objectives[0]!.start],
      ['objective', 'end', {}, (c) => c.objectives[0]!.end],
      ['objective', 'owner', {}, (c) => c.objectives[0]!.owners],
    ];
    const absent = (field: string) => (field === 'owner' ? [] : field === 'visibility' ? 'public' : null);
    for (const quote of ['""', "''", '"  "']) {
      it.each(blanks)(`reads a %s's %s written ${quote} as absent`, async (kind, field, extra, read) => {
        const fields = {
          [field]: quote,
          ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v || quote])),
        };
        const result = await load(
          kind === 'roadmap'
            ? { 'roadmap/public-portal.mdx': roadmap(fields) }
            : { 'objectives/Grow-Usage.md': objective(fields) },
        );
        expect(errorsOf(result)).toEqual([]);
        const value = read(result.content!);
        if (field === 'period') expect(value).toEqual([null, null]);
        else expect(value).toEqual(absent(field));
      });
    }

    it('reads a key result’s unit, id and current written "" as absent (current "": not measured yet)', async () => {
      const keyResults =
        '\n  - title: Readers\n    id: ""\n    start: 0\n    target: 10\n    current: ""\n    unit: ""';
      const result = await load({ 'objectives/Grow-Usage.md': objective({ keyResults }) });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.objectives[0]!.keyResults).toEqual([
        {
          kind: 'measured',
          id: null,
          title: 'Readers',
          start: 0,
          target: 10,
          current: null,
          unit: null,
          confidence: null,
        },
      ]);
    });

    it('reads the vision’s horizon, a strategy summary and a milestone description written "" as absent', async () => {
      const result = await load({
        'vision.md': md({ statement: 'Every team publishes', horizon: '""' }),
        'strategy/market.md': md({
          title: 'Market',
          summary: '""',
          milestones: '\n  - title: Beta\n    date: 2027-01-04\n    description: ""',
        }),
      });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.vision.horizon).toBeNull();
      expect(result.content!.strategy[0]).toMatchObject({
        summary: null,
        milestones: [{ title: 'Beta', date: '2027-01-04', description: null }],
      });
    });

    it('reads a backlog item’s sprint, epic, notes and owner written "" as absent', async () => {
      const result = await load({
        'backlog/sprint-12.yaml':
          '- id: ACME-1\n  title: T\n  type: task\n  status: todo\n  sprint: ""\n  epic: ""\n  notes: ""\n  owner: ""\n  points: ""\n',
      });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.backlog[0]).toMatchObject({
        sprint: null,
        epic: null,
        notes: null,
        owners: [],
        points: null,
      });
    });

    it('reads site.yaml’s description, url and a theme’s colour and description written "" as absent', async () => {
      const result = await load({
        'site.yaml':
          'title: Acme\ndescription: ""\nurl: ""\nthemes:\n  - id: Trust\n    color: ""\n    description: ""\n',
      });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.site).toMatchObject({
        description: null,
        url: null,
        themes: [{ id: 'Trust', color: null, description: null }],
      });
    });

    it('still requires a required field written "" (summary), saying text was expected', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ summary: '""' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ field: 'summary', message: 'got ""; expected non-empty text' }),
      ]);
    });
  });

  describe('owner', () => {
    it.each([
      ['a name', 'Ana Ruiz', ['Ana Ruiz']],
      ['a quoted name', '"Ana Ruiz"', ['Ana Ruiz']],
      ['a flow list', '[Ana Ruiz, Platform team]', ['Ana Ruiz', 'Platform team']],
      ['a block list', '\n  - Ana Ruiz\n  - Li Wei', ['Ana Ruiz', 'Li Wei']],
      ['an empty list', '[]', []],
      ['a list with an empty entry', '[Ana, ""]', ['Ana']],
      ['nothing after the colon', '', []],
      ['a number (a team named 42)', '42', ['42']],
    ])('reads %s', async (_name, written, owners) => {
      for (const file of ['roadmap/public-portal.mdx', 'objectives/Grow-Usage.md'] as const) {
        const text = file.startsWith('roadmap') ? roadmap({ owner: written }) : objective({ owner: written });
        const result = await load({ [file]: text });
        expect(errorsOf(result)).toEqual([]);
        const entry = file.startsWith('roadmap') ? result.content!.roadmap[0]! : result.content!.objectives[0]!;
        expect(entry.owners).toEqual(owners);
      }
    });

    it('reports an owner that is neither a name nor a list of names', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ owner: '{ name: Ana }' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'owner',
          line: 10,
          message: expect.stringContaining('expected a name or a list of names'),
        }),
      ]);
    });
  });

  describe('a roadmap item’s time', () => {
    it.each([
      ['a quarter', '2027-Q2'],
      ['a half', '2027-H1'],
      ['a fiscal year', '2027'],
      ['a quoted half', '"2027-H2"'],
    ])('reads period written as %s', async (_name, period) => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ start: undefined, end: undefined, period }),
      });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.roadmap[0]!.period).toBe(period.replaceAll('"', ''));
    });

    it('reports period and quarter on one item, naming both', async () => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({
          start: undefined,
          end: undefined,
          period: '2027-H1',
          quarter: '2027-Q1',
        }),
      });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'quarter',
          value: '2027-Q1',
          message: expect.stringContaining('both period (2027-H1) and quarter are given'),
        }),
      ]);
    });

    it('reports dates and a period on one item', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ period: '2027' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'period',
          message: 'got 2027; expected either period or start and end, not both',
        }),
      ]);
    });

    it('reports a malformed period on a roadmap item, listing the forms allowed', async () => {
      const result = await load({
        'roadmap/public-portal.mdx': roadmap({ start: undefined, end: undefined, period: '2027-S1' }),
      });
      expect(errorsOf(result)[0]!.message).toBe(
        'got "2027-S1"; expected a fiscal period written YYYY-Qn (quarter), YYYY-Hn (half) or YYYY (year), e.g. 2027-Q1, 2027-H2, 2027',
      );
    });
  });

  describe('years', () => {
    it.each([
      ['start', '0001-01-01'],
      ['end', '9999-12-31'],
      ['start', '1969-12-31'],
      ['end', '2200-01-01'],
    ])('reports a %s in the year of %s as outside 1970-2199', async (field, date) => {
      const dates = field === 'start' ? { start: date, end: '2026-07-31' } : { start: '2026-05-01', end: date };
      const result = await load({ 'roadmap/public-portal.mdx': roadmap(dates) });
      expect(errorsOf(result)).toContainEqual(
        expect.objectContaining({ field, value: date, message: `got "${date}"; expected a year from 1970 to 2199` }),
      );
    });

    it('accepts the first and last days of the range', async () => {
      const result = await load({ 'roadmap/public-portal.mdx': roadmap({ start: '1970-01-01', end: '2199-12-31' }) });
      expect(errorsOf(result)).toEqual([]);
    });

    it('reports a period in a year outside the range', async () => {
      for (const [period, shown] of [
        ['1969', '1969'],
        ['"0001"', '"0001"'],
        ['2200-Q1', '"2200-Q1"'],
      ]) {
        const result = await load({ 'objectives/Grow-Usage.md': objective({ period }) });
        expect(errorsOf(result)).toEqual([
          expect.objectContaining({ field: 'period', message: `got ${shown}; expected a year from 1970 to 2199` }),
        ]);
      }
    });
  });

  describe('an objective’s own start and end', () => {
    it('reads start and end, unquoted, replacing the period’s dates', async () => {
      const result = await load({ 'objectives/Grow-Usage.md': objective({ start: '2026-09-01', end: '2026-12-31' }) });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.objectives[0]).toMatchObject({ start: '2026-09-01', end: '2026-12-31' });
    });

    it('reads a start alone (the period gives the end)', async () => {
      const result = await load({ 'objectives/Grow-Usage.md': objective({ start: '"2026-05-01"' }) });
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.objectives[0]).toMatchObject({ start: '2026-05-01', end: null });
    });

    it('reports an end before the start', async () => {
      const result = await load({ 'objectives/Grow-Usage.md': objective({ start: '2026-09-01', end: '2026-08-31' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'end',
          message: 'got "2026-08-31"; end is before start (2026-09-01); expected end on or after start',
        }),
      ]);
    });

    it('reports a start after the end of the period it keeps', async () => {
      // Fiscal year 2027 with April starts runs 2026-04-01 .. 2027-03-31.
      const result = await load({ 'objectives/Grow-Usage.md': objective({ start: '2027-05-01' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'start',
          value: '2027-05-01',
          message: expect.stringContaining('start is after the end of period 2027 (2027-03-31)'),
        }),
      ]);
    });

    it('reports an impossible start date', async () => {
      const result = await load({ 'objectives/Grow-Usage.md': objective({ start: '2026-02-30' }) });
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'start',
          message: 'got "2026-02-30"; expected a real calendar date written YYYY-MM-DD',
        }),
      ]);
    });
  });

  describe('key results', () => {
    const withKeyResults = (keyResults: string) => load({ 'objectives/Grow-Usage.md': objective({ keyResults }) });

    it('reads current: null and an absent current as not measured yet', async () => {
      for (const current of ['\n    current: null', '\n    current: ~', '']) {
        const result = await withKeyResults(`\n  - title: Readers\n    start: 0\n    target: 10${current}`);
        expect(errorsOf(result)).toEqual([]);
        expect(result.content!.objectives[0]!.keyResults[0]).toMatchObject({ kind: 'measured', current: null });
      }
    });

    it('reads milestone key results, done: true and done: false', async () => {
      const result = await withKeyResults(
        '\n  - title: Launch\n    done: true\n  - id: docs\n    title: Docs\n    done: false',
      );
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.objectives[0]!.keyResults).toEqual([
        { kind: 'milestone', id: null, title: 'Launch', done: true },
        { kind: 'milestone', id: 'docs', title: 'Docs', done: false },
      ]);
    });

    it('reads a mix of measured and milestone key results in one objective', async () => {
      const result = await withKeyResults(
        '\n  - title: Launch\n    done: true\n  - title: Readers\n    start: 0\n    target: 10\n    current: 5',
      );
      expect(result.content!.objectives[0]!.keyResults.map((kr) => kr.kind)).toEqual(['milestone', 'measured']);
    });

    it('reports a milestone that also has numbers, at each number', async () => {
      const result = await withKeyResults('\n  - title: Launch\n    done: true\n    start: 0\n    current: 3');
      expect(errorsOf(result).map((d) => [d.field, d.line])).toEqual([
        ['keyResults[0].start', 7],
        ['keyResults[0].current', 8],
      ]);
    });

    it('reports done written as anything but true or false', async () => {
      const result = await withKeyResults('\n  - title: Launch\n    done: "yes"');
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'keyResults[0].done',
          value: 'yes',
          message: 'got "yes"; expected true or false',
        }),
      ]);
    });

    it('reports a measured key result without start or target, saying what each form needs', async () => {
      const result = await withKeyResults('\n  - title: Readers\n    current: 5');
      expect(errorsOf(result).map((d) => d.field)).toEqual(['keyResults[0].start', 'keyResults[0].target']);
      expect(errorsOf(result)[0]!.message).toContain('a milestone has done: true or false');
    });

    it('reports .inf and .nan as written, not as null', async () => {
      const result = await withKeyResults('\n  - title: Readers\n    start: 0\n    target: .inf\n    current: .nan');
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ field: 'keyResults[0].target', message: 'got .inf; expected a number' }),
        expect.objectContaining({ field: 'keyResults[0].current', message: 'got .nan; expected a number' }),
      ]);
    });

    it('reports a confidence outside 0..1', async () => {
      const result = await withKeyResults(
        '\n  - title: Readers\n    start: 0\n    target: 10\n    current: 5\n    confidence: 70',
      );
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          field: 'keyResults[0].confidence',
          message: 'got 70; expected a confidence from 0 to 1 (0.7 for 70%)',
        }),
      ]);
    });
  });

  describe('backlog files as { defaults, items }', () => {
    const sprint = (yaml: string) => load({ 'backlog/sprint-12.yaml': yaml });

    it('applies defaults to every item that does not set the field', async () => {
      const result = await sprint(
        [
          'defaults:',
          '  type: story',
          '  status: todo',
          '  sprint: 12',
          '  epic: Public-Portal',
          '  owner: [Ana, Li]',
          '  visibility: internal',
          'items:',
          '  - id: ACME-1',
          '    title: First',
          '  - id: ACME-2',
          '    title: Second',
          '    type: defect',
          '    owner: Sam',
        ].join('\n'),
      );
      expect(errorsOf(result)).toEqual([]);
      const [first, second] = result.content!.backlog.filter((b) => b.id.startsWith('ACME'));
      expect(first).toMatchObject({
        type: 'story',
        status: 'todo',
        sprint: '12',
        epic: 'public-portal',
        owners: ['Ana', 'Li'],
        visibility: 'internal',
      });
      expect(second).toMatchObject({ type: 'defect', owners: ['Sam'], epic: 'public-portal' });
    });

    it('lets an item clear a default by writing the field as ""', async () => {
      const result = await sprint(
        'defaults:\n  epic: Public-Portal\nitems:\n  - { id: ACME-1, title: T, type: task, status: todo, epic: "" }\n',
      );
      expect(errorsOf(result)).toEqual([]);
      expect(result.content!.backlog.find((b) => b.id === 'ACME-1')!.epic).toBeNull();
    });

    it('reads a file of items without defaults, and with empty defaults', async () => {
      for (const head of ['', 'defaults: {}\n', 'defaults:\n']) {
        const result = await sprint(`${head}items:\n  - { id: ACME-1, title: T, type: task, status: todo }\n`);
        expect(errorsOf(result)).toEqual([]);
      }
    });

    it('reports id or title in defaults', async () => {
      const result = await sprint(
        'defaults:\n  title: Same\nitems:\n  - { id: ACME-1, title: T, type: task, status: todo }\n',
      );
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          line: 2,
          field: 'defaults.title',
          message: expect.stringContaining('cannot set title'),
        }),
      ]);
    });

    it('reports a bad default once, at its line in defaults, not in every item', async () => {
      const result = await sprint(
        'defaults:\n  status: doing\nitems:\n  - { id: ACME-1, title: T, type: task }\n  - { id: ACME-2, title: U, type: task }\n',
      );
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ line: 2, field: 'defaults.status', value: 'doing' }),
      ]);
    });

    it('reports a missing field an item needs and no default gives, naming the item by its id', async () => {
      const result = await sprint('defaults:\n  type: task\nitems:\n  - id: ACME-1\n    title: T\n');
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({
          line: 4,
          field: 'ACME-1.status',
          message: expect.stringContaining('required field is missing'),
        }),
      ]);
    });

    it('reports a file whose items is not a list', async () => {
      const result = await sprint('items: ACME-1\n');
      expect(errorsOf(result)).toEqual([
        expect.objectContaining({ line: 1, field: 'items', message: 'got "ACME-1"; expected a list of backlog items' }),
      ]);
    });

    it('warns about an unknown top-level key of such a file', async () => {
      const result = await sprint('defualts: {}\nitems: []\n');
      expect(warningsOf(result)).toEqual([expect.objectContaining({ field: 'defualts' })]);
    });
  });

  describe('file names', () => {
    it.each([
      ['a space', 'roadmap/public portal.md', 'roadmap/public-portal.md'],
      ['"?" and "#"', 'wiki/q?x#y.md', 'wiki/q-x-y.md'],
      ['"%"', 'wiki/100%.md', 'wiki/100.md'],
      ['a tab', 'wiki/a\tb.md', 'wiki/a-b.md'],
      ['a space in a folder', 'wiki/my team/page.md', 'wiki/my-team/page.md'],
    ])(
      'reports a name with %s, naming the file, the character and a suggested name',
      async (_what, path, suggestion) => {
        const result = await load({ [path]: md({ title: 'X', summary: 'S', theme: 'T', status: 'planned' }) });
        const problem = errorsOf(result).find((d) => d.field === '(file)');
        expect(problem).toMatchObject({ value: path });
        expect(problem!.message).toContain(`rename it to ${JSON.stringify(suggestion)}`);
        expect(problem!.file).not.toMatch(/\t/);
      },
    );

    it('accepts letters of any script, digits, -, _ and .', async () => {
      const result = await load({ 'wiki/Équipe_2.v1-b.md': md({ title: 'Équipe' }) });
      expect(errorsOf(result)).toEqual([]);
    });
  });
});

describe('a content file that cannot be read', () => {
  it('is a diagnostic naming the file, not a crash', async () => {
    const source = memorySource({ ...VALID });
    const unreadable = {
      ...source,
      list: async () => [...(await source.list()), 'roadmap/locked.md'].sort(),
      read: async (path: string) => {
        if (path === 'roadmap/locked.md') throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return source.read(path);
      },
    };
    const result = await loadContent(unreadable);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        file: 'content/roadmap/locked.md',
        message: expect.stringContaining('cannot be read (EACCES)'),
      }),
    ]);
  });
});
