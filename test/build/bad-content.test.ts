import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, runBuild, runScript } from '../support/build.ts';

/**
 * Each case breaks one thing in a copy of the valid `audience` fixture. The build must exit
 * non-zero, say which file, field and value are wrong, and leave no site behind, not even
 * the one a previous build wrote to the same folder.
 */
interface Case {
  name: string;
  /** Edits to the copy: file -> [search, replacement], or a whole new file's text. */
  edit: Record<string, [string, string] | string>;
  expect: (string | RegExp)[];
  env?: { audience?: string; today?: string };
}

const cases: Case[] = [
  {
    name: 'a missing required field',
    edit: { 'roadmap/search.md': ['summary: Find any item in one step.\n', ''] },
    expect: ['fixtures-copy/roadmap/search.md:2: summary: required field is missing; expected text'],
  },
  {
    name: 'an unknown enum value',
    edit: { 'roadmap/search.md': ['status: planned', 'status: doing'] },
    expect: [
      'roadmap/search.md:5: status: got "doing"; expected one of: exploring, planned, in-progress, shipped, paused, cancelled',
    ],
  },
  {
    name: 'a malformed date',
    edit: { 'roadmap/previews.mdx': ['start: 2026-10-01', 'start: 2026-10-1'] },
    expect: ['roadmap/previews.mdx:6: start: got "2026-10-1"; expected a real calendar date written YYYY-MM-DD'],
  },
  {
    name: 'an impossible day written unquoted',
    edit: { 'roadmap/previews.mdx': ['end: 2027-01-15', 'end: 2026-02-30'] },
    expect: ['roadmap/previews.mdx:7: end: got "2026-02-30"; expected a real calendar date'],
  },
  {
    name: 'an impossible month written unquoted',
    edit: { 'strategy/market.md': ['date: 2027-03-01', 'date: 2027-13-01'] },
    expect: ['strategy/market.md:8: milestones[0].date: got "2027-13-01"; expected a real calendar date'],
  },
  {
    name: 'a malformed period',
    edit: { 'objectives/grow.md': ['period: 2027-Q1', 'period: 2027-Q5'] },
    expect: [
      'objectives/grow.md:3: period: got "2027-Q5"; expected a fiscal period written YYYY-Qn (quarter), YYYY-Hn (half) or YYYY (year)',
    ],
  },
  {
    name: 'an end before the start',
    edit: { 'roadmap/previews.mdx': ['end: 2027-01-15', 'end: 2026-09-01'] },
    expect: ['roadmap/previews.mdx:7: end: got "2026-09-01"; end is before start (2026-10-01)'],
  },
  {
    name: 'a key result whose target equals its start',
    edit: { 'objectives/grow.md': ['target: 110', 'target: 10'] },
    expect: ['objectives/grow.md:9: keyResults[0].target: got 10; target equals start'],
  },
  {
    name: 'duplicate roadmap ids',
    edit: {
      'roadmap/Search.mdx':
        '---\ntitle: Again\nsummary: Same id\ntheme: Speed\nstatus: planned\nvisibility: public\n---\n',
    },
    expect: [
      /roadmap\/(search\.md|Search\.mdx): \(file\): duplicate roadmap item id "search", already used in .*roadmap\/(Search\.mdx|search\.md)/,
    ],
  },
  {
    name: 'duplicate backlog ids across files',
    edit: { 'backlog/more.yaml': '- id: PUB-1\n  title: Again\n  type: task\n  status: todo\n' },
    expect: [/backlog\/(stories|more)\.yaml:\d+: PUB-1\.id: duplicate backlog item id "PUB-1"/],
  },
  {
    name: 'a reference to an objective that does not exist',
    edit: { 'roadmap/previews.mdx': ['objectives: [grow, zebra-revenue]', 'objectives: [grow, nope]'] },
    expect: [
      'roadmap/previews.mdx:8: objectives[1]: no objective has the id "nope"; expected one of: child, grow, zebra-revenue',
    ],
  },
  {
    name: 'a dependency that does not exist',
    edit: { 'roadmap/previews.mdx': ['dependsOn: [zebra-hosting]', 'dependsOn: [gone]'] },
    expect: ['roadmap/previews.mdx:9: dependsOn[0]: no roadmap item has the id "gone"'],
  },
  {
    name: 'a parent objective that does not exist',
    edit: { 'objectives/child.md': ['parent: grow', 'parent: orphaned'] },
    expect: ['objectives/child.md:4: parent: no objective has the id "orphaned"'],
  },
  {
    name: 'a backlog epic that does not exist',
    edit: { 'backlog/stories.yaml': ['epic: zebra-hosting', 'epic: no-such-epic'] },
    // Named by its id as well as its line, so the message reads without opening the file.
    expect: ['backlog/stories.yaml:21: PUB-3.epic: no roadmap item has the id "no-such-epic"'],
  },
  {
    name: 'a dependsOn cycle',
    // shipped-thing already depends on previews; previews -> search -> shipped-thing closes the loop.
    edit: {
      'roadmap/search.md': ['status: planned', 'status: planned\ndependsOn: [shipped-thing]'],
      'roadmap/previews.mdx': ['dependsOn: [zebra-hosting]', 'dependsOn: [zebra-hosting, search]'],
    },
    expect: [
      'previews.mdx:9: dependsOn: dependsOn cycle: previews -> search -> shipped-thing -> previews; expected dependencies without cycles',
    ],
  },
  {
    name: 'a YAML syntax error',
    edit: { 'backlog/stories.yaml': ['  title: Preview banner', ' title: Preview banner'] },
    expect: ['backlog/stories.yaml:10: (yaml): YAML syntax error: Sequence item without - indicator'],
  },
  {
    name: 'an unknown visibility',
    edit: { 'roadmap/someday.md': ['visibility: public', 'visibility: secret'] },
    expect: ['roadmap/someday.md:6: visibility: got "secret"; expected one of: public, internal'],
  },
  {
    name: 'a missing mission',
    edit: { 'mission.md': '' },
    expect: [
      'fixtures-copy/mission.mdx: (file): missing; expected exactly one mission.mdx (or mission.md) with a statement',
    ],
  },
  {
    name: 'an unknown audience switch',
    edit: {},
    env: { audience: 'everyone' },
    expect: ['ROADMAP_AUDIENCE: got "everyone"; expected public or internal'],
  },
  {
    name: 'an impossible ROADMAP_TODAY',
    edit: {},
    env: { today: '2026-02-30' },
    expect: ['ROADMAP_TODAY: got "2026-02-30"; expected a real date written YYYY-MM-DD'],
  },
  {
    name: 'a public body linking to an internal page',
    edit: { 'roadmap/previews.mdx': ['(/roadmap/search/)', '(/roadmap/zebra-hosting/)'] },
    expect: [
      'roadmap/previews.mdx:17: body: links to "/roadmap/zebra-hosting/", the page of internal roadmap item "zebra-hosting"; expected a public entry to link only to public pages',
    ],
  },
];

async function brokenCopy(name: string, edit: Case['edit']): Promise<string> {
  const dir = join(OUTPUT, 'bad', name.replace(/\W+/g, '-'), 'fixtures-copy');
  await rm(dir, { recursive: true, force: true });
  await cp(join(FIXTURES, 'audience'), dir, { recursive: true });
  for (const [file, change] of Object.entries(edit)) {
    const path = join(dir, file);
    if (typeof change === 'string') {
      if (change === '') await rm(path);
      else await writeFile(path, change);
      continue;
    }
    const text = await readFile(path, 'utf8');
    if (!text.includes(change[0])) throw new Error(`fixture ${file} has no ${JSON.stringify(change[0])}`);
    await writeFile(path, text.replace(change[0], change[1]));
  }
  return dir;
}

describe('a build of bad content', () => {
  it.each(cases)('fails on $name, naming the file, field and value, and leaves no site', async (c) => {
    const content = await brokenCopy(c.name, c.edit);
    const out = join(content, '..', 'site');
    // A site from an earlier build sits where this one would go: a failed build must not leave it.
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'index.html'), 'stale');
    const result = await runBuild({ content, out, ...c.env });
    expect(result.code).not.toBe(0);
    for (const expected of c.expect) {
      if (typeof expected === 'string') expect(result.stderr).toContain(expected);
      else expect(result.stderr).toMatch(expected);
    }
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('gives the same messages from npm run check, which exits 1', async () => {
    const content = await brokenCopy('check', { 'roadmap/search.md': ['status: planned', 'status: doing'] });
    const result = await runScript('check.ts', [], {
      ...process.env,
      ROADMAP_CONTENT: content,
      ROADMAP_TODAY: '2026-11-21',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'roadmap/search.md:5: status: got "doing"; expected one of: exploring, planned, in-progress, shipped, paused, cancelled',
    );
    expect(result.stderr).toContain('1 error');
  });

  it('reports every problem of a content folder in one run', async () => {
    const content = await brokenCopy('many problems', {
      'roadmap/search.md': ['status: planned', 'status: doing'],
      'objectives/grow.md': ['period: 2027-Q1', 'period: Q1'],
      'roadmap/previews.mdx': ['dependsOn: [zebra-hosting]', 'dependsOn: [gone]'],
    });
    const result = await runBuild({ content, out: join(content, '..', 'site') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('roadmap/search.md:5: status');
    expect(result.stderr).toContain('objectives/grow.md:3: period');
    expect(result.stderr).toContain('roadmap/previews.mdx:9: dependsOn[0]');
    expect(result.stderr).toContain('3 problems in the content; no site was written');
  });

  it('rejects a public body linking to an internal page in the internal build too, since the content cannot be published', async () => {
    const content = await brokenCopy('internal link internal build', {
      'roadmap/plain.md':
        '---\ntitle: Plain\nsummary: A plain Markdown body\ntheme: Speed\nstatus: planned\nvisibility: public\n---\nSee [it](/roadmap/zebra-hosting/).\n',
    });
    const result = await runBuild({ content, out: join(content, '..', 'site'), audience: 'internal' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('roadmap/plain.md:8: body: links to "/roadmap/zebra-hosting/"');
  });
});
