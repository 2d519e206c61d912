import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/content/yaml-source.ts';
import type { ImportedItem } from '../../src/lib/import/mapping.ts';
import { compareIds, mergeBacklog, type MergeResult } from '../../src/lib/import/merge.ts';
import { exportText, run } from './import-helpers.ts';

const HEADER = ' Imported.';
const story = (id: string, fields: Partial<ImportedItem> = {}): ImportedItem => ({
  id,
  title: `Story ${id}`,
  type: 'story',
  status: 'todo',
  epic: null,
  sprint: null,
  points: null,
  owners: [],
  ...fields,
});

function merge(existing: string | null, items: ImportedItem[]): MergeResult {
  const outcome = mergeBacklog(existing, items, HEADER);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

/** The lines of `after` that are not in `before`, and those gone: a small line diff. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('a new backlog file', () => {
  it('lists the items sorted by id in natural order, fields in a fixed order, absent fields left out', () => {
    const { text, added } = merge(null, [
      story('PLAT-10', { owners: ['Ana', 'Bo'], points: 3 }),
      story('PLAT-2', { epic: 'sso', sprint: '12', status: 'done', type: 'defect' }),
    ]);
    expect(added).toEqual(['PLAT-10', 'PLAT-2']);
    expect(text).toBe(
      [
        '# Imported.',
        '',
        '- id: PLAT-2',
        '  title: Story PLAT-2',
        '  type: defect',
        '  status: done',
        '  epic: sso',
        '  sprint: "12"',
        '- id: PLAT-10',
        '  title: Story PLAT-10',
        '  type: story',
        '  status: todo',
        '  points: 3',
        '  owner:',
        '    - Ana',
        '    - Bo',
        '',
      ].join('\n'),
    );
  });

  it('quotes titles YAML would misread, and they read back as written', () => {
    const titles = [
      'Spike: passkeys',
      'yes',
      '2026-02-30',
      '# not a comment',
      '"quoted"',
      "it's",
      '@home',
      '- dash',
      'Tomás',
    ];
    const { text } = merge(
      null,
      titles.map((title, i) => story(`T-${i}`, { title })),
    );
    expect((parseYaml(text).data as { title: string }[]).map((i) => i.title)).toEqual(titles);
  });
});

describe('re-importing into the file', () => {
  const first = merge(null, [story('A-1', { sprint: 'S1', points: 2, epic: 'sso' }), story('A-2'), story('A-3')]).text;

  it('changes no byte when the export is the same', () => {
    const again = merge(first, [story('A-1', { sprint: 'S1', points: 2, epic: 'sso' }), story('A-2'), story('A-3')]);
    expect(again.changed).toBe(false);
    expect(again.text).toBe(first);
    expect(again.unchanged).toEqual(['A-1', 'A-2', 'A-3']);
  });

  it('changes only the lines of what changed', () => {
    const again = merge(first, [
      story('A-1', { sprint: 'S2', points: 2, epic: 'sso' }),
      story('A-2', { status: 'done' }),
      story('A-3'),
    ]);
    expect(changedLines(first, again.text)).toEqual({
      added: ['  sprint: S2', '  status: done'],
      removed: ['  sprint: S1'],
    });
    expect(again.updated).toEqual([
      { id: 'A-1', changes: [{ field: 'sprint', from: 'S1', to: 'S2' }] },
      { id: 'A-2', changes: [{ field: 'status', from: 'todo', to: 'done' }] },
    ]);
  });

  it('removes a field the export no longer gives, and adds one in its place among the others', () => {
    const again = merge(first, [
      story('A-1', { points: 2, epic: 'sso' }),
      story('A-2', { epic: 'search' }),
      story('A-3'),
    ]);
    const a1 = again.text.split('- id: ')[1]!;
    const a2 = again.text.split('- id: ')[2]!;
    expect(a1).not.toContain('sprint');
    expect(a2).toBe('A-2\n  title: Story A-2\n  type: story\n  status: todo\n  epic: search\n');
  });

  it('keeps hand-written fields, comments and their place', () => {
    const edited = first
      .replace('- id: A-2\n', '# Ask Priya before moving this one.\n- id: A-2\n')
      .replace(
        '  title: Story A-2\n',
        '  title: Story A-2\n  visibility: public # customers asked for it\n  notes: |\n    Two lines\n    of notes.\n',
      )
      .replace('  status: todo\n- id: A-3', '  status: todo # until the vendor answers\n- id: A-3');
    const again = merge(edited, [
      story('A-1', { sprint: 'S1', points: 2, epic: 'sso' }),
      story('A-2', { title: 'Renamed', status: 'done' }),
      story('A-3'),
    ]);
    expect(changedLines(edited, again.text)).toEqual({
      added: ['  title: Renamed', '  status: done # until the vendor answers'],
      removed: ['  title: Story A-2', '  status: todo # until the vendor answers'],
    });
    expect(again.text).toContain(
      '# Ask Priya before moving this one.\n- id: A-2\n  title: Renamed\n  visibility: public # customers asked for it\n',
    );
  });

  it('keeps items gone from the export as they are, and reports them', () => {
    const again = merge(first, [story('A-1', { sprint: 'S1', points: 2, epic: 'sso' }), story('A-3')]);
    expect(again.gone).toEqual(['A-2']);
    expect(again.changed).toBe(false);
    expect(again.text).toContain('- id: A-2');
  });

  it('adds new items in id order among the others', () => {
    const again = merge(first, [
      story('A-1', { sprint: 'S1', points: 2, epic: 'sso' }),
      story('A-2'),
      story('A-3'),
      story('A-10'),
      story('A-0'),
    ]);
    expect([...again.text.matchAll(/- id: (\S+)/g)].map((m) => m[1])).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-10']);
    expect(again.added).toEqual(['A-10', 'A-0']);
  });

  it('sorts a hand-ordered file by id, and leaves entries without an id at the end', () => {
    const again = merge('- id: B-2\n  title: x\n- title: no id\n- id: B-1\n  title: y\n', [
      story('B-1', { title: 'y' }),
    ]);
    expect([...again.text.matchAll(/^- (.*)$/gm)].map((m) => m[1])).toEqual(['id: B-1', 'id: B-2', 'title: no id']);
  });

  it('counts owner: [Ana] and owner: Ana, sprint: 12 and sprint: "12" as the same', () => {
    const again = merge('- id: C-1\n  title: C\n  type: story\n  status: todo\n  sprint: 12\n  owner: [Ana]\n', [
      story('C-1', { title: 'C', sprint: '12', owners: ['Ana'] }),
    ]);
    expect(again.changed).toBe(false);
  });

  it('updates the items list of a { defaults, items } file and keeps its defaults', () => {
    const again = merge(
      'defaults:\n  visibility: public\nitems:\n  - id: D-1\n    title: D\n    type: story\n    status: todo\n',
      [story('D-1', { title: 'D', status: 'done' })],
    );
    expect(again.text).toBe(
      'defaults:\n  visibility: public\nitems:\n  - id: D-1\n    title: D\n    type: story\n    status: done\n',
    );
  });

  it('refuses a file that is not YAML or not a list, naming the problem', () => {
    expect(mergeBacklog('- id: ok\n- id: [unclosed\n', [], HEADER)).toMatchObject({
      ok: false,
      line: expect.any(Number),
    });
    expect(mergeBacklog('title: a mapping\n', [], HEADER)).toMatchObject({
      ok: false,
      message:
        'expected a list of backlog items (or { defaults, items }) to update; fix the file or choose another --out',
    });
  });
});

describe('a whole export imported twice', () => {
  it('gives the same bytes, for every source', () => {
    for (const [source, file] of [
      ['jira', 'jira.csv'],
      ['linear', 'linear-30.csv'],
      ['github', 'github.json'],
    ] as const) {
      const once = run(source, exportText(file)).merge!;
      const twice = run(source, exportText(file), { existing: once.text }).merge!;
      expect(twice.changed, source).toBe(false);
      expect(twice.text).toBe(once.text);
    }
  });
});

describe('ids in natural order', () => {
  it('puts PLAT-2 before PLAT-10 and is the same for equal-looking ids', () => {
    expect(['PLAT-10', 'PLAT-2', 'beacon-12', 'beacon-web-2', 'PLAT-1'].sort(compareIds)).toEqual([
      'beacon-12',
      'beacon-web-2',
      'PLAT-1',
      'PLAT-2',
      'PLAT-10',
    ]);
    expect(compareIds('a-1', 'A-1')).not.toBe(0);
  });
});
