import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONTMATTER, parseFrontmatter, parseYaml, parseYamlWithPositions } from '../../src/lib/content/yaml-source.ts';

const root = join(import.meta.dirname, '..', '..');

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ya?ml|mdx?)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('reading YAML', () => {
  it('reads every sample and fixture file exactly as the positional parser does', () => {
    const files = [...contentFiles(join(root, 'content')), ...contentFiles(join(root, 'test', 'fixtures'))];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const yaml = /\.mdx?$/.test(file) ? (FRONTMATTER.exec(text)?.[1] ?? '') : text;
      const reference = parseYamlWithPositions(yaml, 1);
      expect(parseYaml(yaml).data, relative(root, file)).toEqual(reference.data);
    }
  });

  // Forms where YAML 1.1 and 1.2, or two parsers, are known to part ways.
  const scalars = [
    '~',
    'null',
    'Null',
    'NULL',
    '',
    'true',
    'True',
    'TRUE',
    'yes',
    'no',
    'on',
    'off',
    'y',
    '0o17',
    '0x1F',
    '017',
    '08',
    '1_000',
    '0b101',
    '1e3',
    '.5',
    '+12',
    '-0',
    '1.',
    '-.inf',
    '.NaN',
    '2026-02-30',
    '2026-02-03T10:00:00Z',
    '12:30',
    '1:20:30',
    "'0.1'",
    '1,000',
    '"x\\ty"',
    "'it''s'",
    '[1, b, "c"]',
    '{x: 1, y: [2]}',
    'x # comment',
    'x#not-comment',
    'é中',
    '!!str 1',
    '"\\u00e9"',
    '9007199254740993',
    '<<',
    '--- x',
  ];
  it.each(scalars)('reads `a: %s` as YAML 1.2 core', (scalar) => {
    const text = `a: ${scalar}\n`;
    expect(parseYaml(text).data).toEqual(parseYamlWithPositions(text, 1).data);
  });

  it.each([
    ['folded and literal blocks', 'a: >\n  folded\n  text\n\n  para\nb: |\n  lit\n   more\nc: |-\n  x\n'],
    ['Windows line ends', 'a: x\r\nb: y\r\n'],
    ['a byte order mark', '\uFEFFa: 1\n'],
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n'],
    ['an explicit document', '---\na: 1\n...\n'],
  ])('reads %s as YAML 1.2 core', (_name, text) => {
    expect(parseYaml(text).data).toEqual(parseYamlWithPositions(text, 1).data);
    expect(parseYaml(text).errors).toEqual([]);
  });

  // Forms js-yaml reads differently, or accepts where `yaml` reports an error.
  it.each([
    ['an old Mac line end', 'a: 1\rb: 2\n'],
    ['a document end marker first', '...\na: 1\n'],
    ['an 8-digit escape beyond Unicode', 'a: "\\U00110000"\n'],
    ['a tag', 'a: !!float 1\n'],
    ['a local tag', 'a: !foo x\n'],
    ['an exclamation mark in text', 'a: Ship it!\nb: Now !\n'],
  ])('reads %s as the positional parser does', (_name, text) => {
    const read = parseYaml(text, 3);
    const reference = parseYamlWithPositions(text, 3);
    expect(read.errors).toEqual(reference.errors);
    expect(read.data).toEqual(reference.data);
  });

  it('reports ill-formed YAML with the positional parser’s message and line', () => {
    for (const text of ['a: 1\nb: 2\na: 3\n', 'a: 1\n---\nb: 2\n', 'a:\n  - 1\n b: [\n', 'a: "open\n']) {
      const read = parseYaml(text, 4);
      expect(read.errors).toHaveLength(1);
      expect(read.errors).toEqual(parseYamlWithPositions(text, 4).errors);
      expect(read.data).toBeUndefined();
    }
    expect(parseYaml('a: 1\nb: 2\na: 3\n').errors[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/unique/i),
    });
  });

  it('finds the line of a field in YAML read the fast way', () => {
    const read = parseFrontmatter('---\ntitle: A\nkeyResults:\n  - metric: x\n    target: ten\n---\nBody\n');
    expect(read.errors).toEqual([]);
    expect(read.lineOf(['keyResults', 0, 'target'])).toBe(5);
    expect(read.lineOf(['title'])).toBe(2);
    // A field that is not there: the nearest written parent.
    expect(read.lineOf(['keyResults', 0, 'unit'])).toBe(4);
  });

  it('reports a file whose aliases of aliases would expand to millions of values, as an error rather than a crash', () => {
    const bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
      .concat(
        ['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
      )
      .join('\n');
    const parsed = parseYaml(bomb);
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors).toEqual([
      { line: 1, message: expect.stringContaining('expand to more than 1,000,000 values') },
    ]);
  });

  it('accepts one anchor used a thousand times: valid YAML is never refused for its style', () => {
    const text = [
      'owner: &team Platform',
      'items:',
      ...Array.from({ length: 1000 }, (_, i) => `  - { id: X-${i}, owner: *team }`),
    ].join('\n');
    const parsed = parseYaml(text);
    expect(parsed.errors).toEqual([]);
    expect((parsed.data as { items: { owner: string }[] }).items).toHaveLength(1000);
    expect((parsed.data as { items: { owner: string }[] }).items[999]!.owner).toBe('Platform');
  });

  it('reads a merge key (<<: *defaults), which authors use to share fields', () => {
    const parsed = parseYaml('base: &base { type: story, status: todo }\nitem:\n  <<: *base\n  status: done\n');
    expect(parsed.data).toEqual({ base: { type: 'story', status: 'todo' }, item: { type: 'story', status: 'done' } });
  });
});
