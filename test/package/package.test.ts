import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT, readSiteTexts } from '../support/build.ts';
import { git } from '../support/git.ts';

/**
 * The published package as a team gets it: `npm pack` of this repository (once), installed
 * into projects outside it that hold only their content, and run through `npx cairn` with the
 * machine's own PATH: this repository's Node 24 is taken off it, so the bin starts on whatever
 * `node` the machine has (Node 20 here) and must bring its own.
 */
const run = promisify(execFile);
const ownBin = join(PROJECT_ROOT, 'node_modules', '.bin');
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(ROADMAP_|CAIRN_|npm_|NODE_ENV$|INIT_CWD$)/.test(k)),
  ),
  PATH: (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== ownBin && !dir.startsWith(join(PROJECT_ROOT, 'node_modules')))
    .join(delimiter),
  ASTRO_TELEMETRY_DISABLED: '1',
};

async function sh(cwd: string, command: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
const cairn = (cwd: string, ...args: string[]) => sh(cwd, 'npx', ['--no-install', 'cairn', ...args]);

let work: string;
let tarball: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-package-'));
  const packed = await sh(PROJECT_ROOT, 'npm', ['pack', '--silent', '--pack-destination', work]);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = join(work, packed.stdout.trim().split('\n').pop()!);
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

async function install(dir: string) {
  const installed = await sh(dir, 'npm', ['install', '--no-audit', '--no-fund', tarball]);
  expect(installed.code, installed.stderr).toBe(0);
}

describe('the packed cairn-roadmap', () => {
  it('ships compiled JavaScript for Node and the Astro project as source, without the TypeScript CLI', async () => {
    const listing = await sh(work, 'tar', ['tzf', tarball]);
    const files = listing.stdout.split('\n');
    for (const file of ['bin/cairn.js', 'compiled/cli/run.js', 'compiled/cli/image-worker.js', 'astro.config.mjs']) {
      expect(files).toContain(`package/${file}`);
    }
    expect(files).toContain('package/src/content.config.ts');
    expect(files).toContain('package/templates/init/_gitignore');
    expect(files.filter((f) => f.startsWith('package/src/cli/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('package/test/') || f.startsWith('package/content/'))).toEqual([]);
  });

  it('checks, builds and diffs a project that holds only its content, on the machine’s own Node', async () => {
    const project = join(work, 'team');
    await cp(join(FIXTURES, 'audience'), join(project, 'content'), { recursive: true });
    await writeFile(join(project, 'package.json'), '{ "name": "team", "private": true }\n');
    await git(project, ['init', '--quiet']);
    await git(project, ['add', '.']);
    await git(project, ['commit', '--quiet', '-m', 'content'], '2026-11-01T00:00:00Z');
    await install(project);
    expect(existsSync(join(project, 'astro.config.mjs'))).toBe(false);

    const version = await sh(project, 'node', ['node_modules/.bin/cairn', '--version']);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );

    const check = await cairn(project, 'check', '--today', '2026-11-21');
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('Content is valid');

    const build = await cairn(project, 'build', '--today', '2026-11-21');
    expect(build.code, build.stderr).toBe(0);
    const site = await readSiteTexts(join(project, 'dist'));
    expect(site.get('roadmap/search/index.html')).toContain('Full-text search');
    expect(site.has('og/roadmap/search.png')).toBe(true);
    expect([...site.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect([...site].filter(([, text]) => /zebra/i.test(text)).map(([file]) => file)).toEqual([]);
    // Caches live in the project, not in the installed package.
    expect(existsSync(join(project, '.cairn', 'images'))).toBe(true);

    const item = join(project, 'content', 'roadmap', 'search.md');
    await writeFile(item, (await readFile(item, 'utf8')).replace('status: planned', 'status: in-progress'));
    const diff = await cairn(project, 'diff', '--base', 'HEAD', '--format', 'json');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('"in-progress"');

    const wrong = await cairn(project, 'build', '--audience', 'everyone');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('ROADMAP_AUDIENCE: got "everyone"; expected public or internal');
  }, 600_000);

  it('refuses a body’s /-rooted import of a content file in check and build alike, resolved as the bundler does in the installed package', async () => {
    // The project installed above, with a second content folder beside its first. Vite resolves
    // `/x` against Cairn's Astro root, node_modules/cairn-roadmap here, so `/../../rooted/…`
    // reaches the project's rooted/ folder; against the project itself it would point outside.
    const project = join(work, 'team');
    const content = join(project, 'rooted');
    await cp(join(FIXTURES, 'audience'), content, { recursive: true });
    const page = join(content, 'wiki', 'guides', 'imports.mdx');
    const withBody = (body: string) => writeFile(page, `---\ntitle: Imports\nvisibility: public\n---\n\n${body}\n`);
    const args = ['--content', 'rooted', '--today', '2026-11-21'];
    const out = join(project, 'dist-rooted');

    await withBody(`import Secret from '/../../rooted/roadmap/zebra-hosting.md';\n\n<Secret />`);
    const diagnostic =
      'error rooted/wiki/guides/imports.mdx:6:20: import: imports "/../../rooted/roadmap/zebra-hosting.md", a file inside the content folder';
    const check = await cairn(project, 'check', ...args);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(diagnostic);
    const build = await cairn(project, 'build', ...args, '--out', 'dist-rooted');
    expect(build.code).toBe(1);
    // The check's own line, column included: the build refused it before Astro started (the
    // bundler's guard, which would catch it further on, names no column).
    expect(build.stderr).toContain(diagnostic);
    expect(existsSync(out)).toBe(false);

    // A /-rooted import of one of Cairn's components is no such import.
    await withBody(`import Badge from '/src/components/Badge.astro';\n\n<Badge tone="planned" label="Rooted badge" />`);
    const fine = await cairn(project, 'check', ...args);
    expect(fine.code, fine.stderr).toBe(0);
    const built = await cairn(project, 'build', ...args, '--out', 'dist-rooted');
    expect(built.code, built.stderr).toBe(0);
    const html = await readFile(join(out, 'wiki', 'guides', 'imports', 'index.html'), 'utf8');
    expect(html).toMatch(/<span class="badge s-planned"[^>]*>Rooted badge<\/span>/);
  }, 600_000);

  it('writes with init a repository that installs and builds at once, showing the starter content', async () => {
    const parent = join(work, 'team');
    const init = await cairn(parent, 'init', '../demo');
    expect(init.code, init.stderr).toBe(0);
    const demo = join(work, 'demo');
    const pkg = JSON.parse(await readFile(join(demo, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(['cairn-roadmap']);
    // The pinned version is not on the registry until it is published: install the same tarball.
    await install(demo);
    const build = await cairn(demo, 'build');
    expect(build.code, build.stderr).toBe(0);
    const roadmap = await readFile(join(demo, 'dist', 'roadmap', 'index.html'), 'utf8');
    expect(roadmap).toContain('Guided setup');
    expect(roadmap).toContain('Public status page');
    expect(roadmap).not.toContain('Second region failover');
    expect(await readdir(join(demo, 'dist', 'wiki'))).toContain('how-we-plan');
  }, 600_000);
});
