import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentImportGuard } from '../../src/integrations/import-guard.ts';
import { reportContentFailure } from '../../src/lib/build/report.ts';

/**
 * The guard as the bundler runs it: a real Vite build of a module inside a content folder
 * (standing in for a compiled MDX body), with the ways an import can be spelled.
 */
const root = mkdtempSync(join(tmpdir(), 'cairn-guard-'));
const contentDir = join(root, 'content');
mkdirSync(join(contentDir, 'roadmap'), { recursive: true });
mkdirSync(join(contentDir, 'wiki'), { recursive: true });
mkdirSync(join(root, 'lib'), { recursive: true });
writeFileSync(join(contentDir, 'roadmap', 'secret.js'), 'export const title = "kestrel";\n');
writeFileSync(join(contentDir, 'roadmap', 'chart.png'), 'not really a png');
writeFileSync(join(root, 'lib', 'helper.js'), 'export const ok = 1;\n');
writeFileSync(join(root, 'lib', 'relay.js'), "export * from '../content/roadmap/secret.js';\n");

async function bundle(body: string): Promise<string | null> {
  const entry = join(contentDir, 'wiki', `page-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, body);
  try {
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      resolve: { alias: { '@content': contentDir, '@lib': join(root, 'lib') } },
      plugins: [contentImportGuard({ contentDir, contentLabel: 'content' })],
      build: { write: false, lib: { entry, formats: ['es'], fileName: 'out' }, rolldownOptions: { external: [] } },
    });
    return null;
  } catch (error) {
    const lines: string[] = [];
    return reportContentFailure(error, (line) => lines.push(line))
      ? lines[0]!
      : `not a content error: ${String(error)}`;
  }
}

describe('the bundler refuses a body that imports a content file', () => {
  const cases: [string, string][] = [
    ['a relative path', "import { title } from '../roadmap/secret.js';\nconsole.log(title);\n"],
    ['an alias', "import { title } from '@content/roadmap/secret.js';\nconsole.log(title);\n"],
    ['a ?raw suffix', "import text from '../roadmap/secret.js?raw';\nconsole.log(text);\n"],
    ['a re-export', "export { title } from '../roadmap/secret.js';\n"],
    ['a dynamic import()', "export const load = () => import('../roadmap/secret.js');\n"],
    ['a computed dynamic import', "const n = 'secret';\nexport const load = () => import(`../roadmap/${n}.js`);\n"],
    ['import.meta.glob', "export const all = import.meta.glob('../roadmap/*.js', { eager: true });\n"],
    ['a helper outside the folder that re-exports it', "export * from '@lib/relay.js';\n"],
  ];
  for (const [what, body] of cases) {
    it(`through ${what}, naming the importing file and line`, async () => {
      const message = await bundle(`// a body\n${body}`);
      expect(message).toMatch(
        /^error content\/wiki\/page-\w+\.js(:\d+)?: import: imports ".+", a file inside the content folder/,
      );
      expect(message).toMatch(/it resolves to content\/roadmap\/secret\.js/);
    });
  }

  it('names the line of the import', async () => {
    expect(await bundle("// a body\n\nimport { title } from '../roadmap/secret.js';\nconsole.log(title);\n")).toMatch(
      /page-\w+\.js:3: import/,
    );
  });

  it('lets a body import code from outside the folder, and plain images', async () => {
    expect(
      await bundle(
        "import { ok } from '@lib/helper.js';\nimport chart from '../roadmap/chart.png';\nconsole.log(ok, chart);\n",
      ),
    ).toBeNull();
  });
});
