import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBody, isScriptUrl } from '../../src/lib/content/bodies.ts';
import { isForbiddenImport, isInsideFolder } from '../../src/lib/content/content-folder.ts';

const project = mkdtempSync(join(tmpdir(), 'cairn-bodies-'));
const contentDir = join(project, 'content');
mkdirSync(join(contentDir, 'wiki'), { recursive: true });
mkdirSync(join(contentDir, 'roadmap'), { recursive: true });
mkdirSync(join(project, 'components'), { recursive: true });
writeFileSync(join(contentDir, 'wiki', 'secret-notes.mdx'), '---\ntitle: S\n---\nsecret\n');
writeFileSync(join(contentDir, 'roadmap', 'secret.md'), '---\ntitle: S\n---\nsecret\n');
writeFileSync(join(project, 'components', 'Callout.astro'), '<div><slot /></div>\n');
const options = { contentDir, contentLabel: 'content', projectRoot: project };

const check = (path: string, text: string | Uint8Array) =>
  checkBody({ path, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text }, options);
const head = '---\ntitle: Page\nvisibility: public\n---\n\n';

describe('bodies that do not compile', () => {
  it('names the file, line and column of an unclosed component', async () => {
    const [d] = await check('wiki/a.mdx', `${head}# Hi\n\n<Callout>\n\nopen\n`);
    expect(d).toMatchObject({ severity: 'error', file: 'content/wiki/a.mdx', line: 8 });
    expect(d).toMatchObject({ field: 'body', column: 1 });
    expect(d!.message).toMatch(/does not compile: Expected a closing tag for `<Callout>`/);
  });

  it('reports an unclosed expression', async () => {
    const [d] = await check('wiki/a.mdx', `${head}a {unclosed\n`);
    expect(d).toMatchObject({ file: 'content/wiki/a.mdx', line: 6 });
    expect(d!.message).toMatch(/does not compile: Unexpected end of file in expression/);
  });

  it('reports binary bytes as not text, with their line and column', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${head}ok\nab`), 0xff, 0xfe, 0x00]);
    const [d] = await check('wiki/a.md', bytes);
    expect(d).toMatchObject({ line: 7, column: 3, field: 'body' });
    expect(d!.message).toMatch(/not UTF-8 text/);
  });

  it('reports a NUL byte in otherwise valid text', async () => {
    const [d] = await check('wiki/a.md', `${head}a\0b\n`);
    expect(d!.message).toMatch(/NUL byte/);
  });

  it('reports a link with a malformed % escape instead of crashing on it', async () => {
    const [d] = await check('wiki/a.md', `${head}[x](/wiki/%E0%A4%A/)\n`);
    expect(d).toMatchObject({ line: 6, column: 1, field: 'body' });
    expect(d!.message).toMatch(/malformed % escape/);
  });

  it('accepts a body that compiles, with components and links', async () => {
    expect(
      await check('wiki/a.mdx', `${head}import C from '../../components/Callout.astro';\n\n<C>[x](/roadmap/)</C>\n`),
    ).toEqual([]);
    expect(await check('wiki/a.md', `${head}<details>\n<summary>More</summary>\n\nx\n</details>\n`)).toEqual([]);
  });
});

describe('scripts in bodies', () => {
  it('rejects a raw <script> in Markdown', async () => {
    const [d] = await check('wiki/a.md', `${head}<script>alert(1)</script>\n`);
    expect(d).toMatchObject({ line: 6 });
    expect(d!.message).toMatch(/<script> element/);
  });

  it('rejects a javascript: link in Markdown, whatever its case and spacing', async () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)']) {
      const found = await check('wiki/a.md', `${head}[x](${href})\n\n<a href="${href}">y</a>\n`);
      expect(found.filter((d) => /javascript: URL/.test(d.message))).toHaveLength(2);
    }
    const spaced = await check('wiki/a.md', `${head}<a href=" java\tscript:alert(1)">y</a>\n`);
    expect(spaced[0]!.message).toMatch(/javascript: URL/);
  });

  it('rejects inline event handlers in HTML and in JSX', async () => {
    const md = await check('wiki/a.md', `${head}<img src="x.png" onerror="alert(1)">\n`);
    expect(md[0]!.message).toMatch(/event handler "onerror"/);
    const mdx = await check('wiki/a.mdx', `${head}<a href="/x/" onClick="alert(1)">y</a>\n`);
    expect(mdx[0]!.message).toMatch(/event handler "onClick"/);
  });

  it('rejects <script> and javascript: in MDX, and spread attributes that could hide a handler', async () => {
    const found = await check(
      'wiki/a.mdx',
      `${head}<script>{"alert(1)"}</script>\n\n<a href="javascript:alert(1)">x</a>\n\n<a {...{ onclick: 'x' }}>y</a>\n`,
    );
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/<script>/),
      expect.stringMatching(/javascript: URL/),
      expect.stringMatching(/spread attribute/),
    ]);
  });

  it('tells a javascript: URL from an ordinary one', () => {
    expect(isScriptUrl('javascript:void(0)')).toBe(true);
    expect(isScriptUrl('\u0001javascript:x')).toBe(true);
    expect(isScriptUrl('/javascript/')).toBe(false);
    expect(isScriptUrl('https://example.com/?javascript:')).toBe(false);
  });
});

describe('imports of content files', () => {
  const cases: [string, string][] = [
    ['a sibling entry', `import Notes from './secret-notes.mdx';\n\n<Notes />`],
    [
      'another collection, for its frontmatter',
      `import { frontmatter } from '../roadmap/secret.md';\n\n{frontmatter.title}`,
    ],
    ['a ?raw import', `import text from '../roadmap/secret.md?raw';\n\n{text}`],
    ['a re-export', `export { default } from '../roadmap/secret.md';`],
    ['a dynamic import of a written path', `{await import('../roadmap/secret.md').then((m) => m.frontmatter.title)}`],
    ['a path without its extension', `import S from '../roadmap/secret';\n\n<S />`],
    ['a project-rooted path', `import S from '/content/roadmap/secret.md';\n\n<S />`],
  ];
  for (const [what, body] of cases) {
    it(`rejects ${what}, naming the line and the imported path`, async () => {
      const found = await check('wiki/page.mdx', `${head}${body}\n`);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'content/wiki/page.mdx', line: 6, field: 'import' });
      expect(found[0]!.message).toMatch(/a file inside the content folder/);
    });
  }

  it('rejects imports whose path is computed', async () => {
    const found = await check(
      'wiki/page.mdx',
      `${head}export const n = 'secret';\n\n{await import('../roadmap/' + n + '.md')}\n`,
    );
    expect(found[0]!.message).toMatch(/path is computed/);
    const glob = await check('wiki/page.mdx', `${head}export const all = import.meta.glob('../roadmap/*.md');\n`);
    expect(glob[0]!.message).toMatch(/path is computed/);
  });

  it('allows components from outside the content folder and packages', async () => {
    const body = `import C from '../../components/Callout.astro';\nimport { Image } from 'astro:assets';\n\n<C />\n`;
    expect(await check('wiki/page.mdx', `${head}${body}`)).toEqual([]);
  });

  it('rejects an import of a path where nothing is, as the bundler would, naming the line and the path', async () => {
    for (const spec of ['../../components/Missing.astro', '/components/Gone.astro', '../../nowhere']) {
      const found = await check('wiki/page.mdx', `${head}import X from '${spec}';\n\n<X />\n`);
      expect(found, spec).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'content/wiki/page.mdx', line: 6, field: 'import', value: spec });
      expect(found[0]!.message).toMatch(/which does not exist; expected a path to a file/);
    }
  });

  it('allows a path the bundler completes: no extension, or a folder', async () => {
    const body = `import C from '../../components/Callout';\nimport D from '../../components';\n\n<C />\n`;
    expect(await check('wiki/page.mdx', `${head}${body}`)).toEqual([]);
  });

  it('allows a plain image inside the content folder, not its text', () => {
    expect(isForbiddenImport(`${contentDir}/wiki/chart.png`, contentDir)).toBe(false);
    expect(isForbiddenImport(`${contentDir}/wiki/chart.svg?raw`, contentDir)).toBe(true);
    expect(isForbiddenImport(`${contentDir}/wiki/notes.txt`, contentDir)).toBe(true);
  });

  it('decides "inside the content folder" on real paths, ignoring query strings', () => {
    expect(isInsideFolder(`${contentDir}/roadmap/secret.md?raw`, contentDir)).toBe(true);
    expect(isInsideFolder(`\0${contentDir}/x.mdx?astroContentCollectionEntry=true`, contentDir)).toBe(true);
    expect(isInsideFolder(`${contentDir}-other/x.md`, contentDir)).toBe(false);
    expect(isInsideFolder(`${project}/components/Callout.astro`, contentDir)).toBe(false);
  });
});
