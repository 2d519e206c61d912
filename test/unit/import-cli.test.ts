import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/content/diagnostics.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { diskSource } from '../../src/lib/content/source.ts';
import { resolveOut, runImport } from '../../src/cli/import.ts';
import { FIXTURES, OUTPUT } from '../support/build.ts';
import { EXPORTS } from './import-helpers.ts';

const FIXTURE = join(FIXTURES, 'import', 'content');
const root = join(OUTPUT, 'import-cli');
const content = join(root, 'content');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cairnImport(source: string, file: string, extra: { out?: string; dryRun?: boolean } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    {
      source,
      file: file.startsWith('/') ? file : join(EXPORTS, file),
      ...(extra.out ? { out: extra.out } : {}),
      dryRun: extra.dryRun ?? false,
      contentDir: content,
      projectRoot: root,
    },
    { log: (s) => out.push(s), error: (s) => err.push(s) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const backlog = (name: string) => readFile(join(content, 'backlog', name), 'utf8');

beforeEach(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(FIXTURE, content, { recursive: true });
});

describe('cairn import', () => {
  it('imports each source into backlog/<source>.yaml, and the content then passes check', async () => {
    for (const [source, file] of [
      ['jira', 'jira.csv'],
      ['linear', 'linear-30.csv'],
      ['github', 'github.json'],
    ]) {
      const run = await cairnImport(source!, file!);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain(`Created content/backlog/${source}.yaml.`);
    }
    const { content: model, diagnostics } = await loadContent(diskSource(content, 'content'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const byId = new Map(model!.backlog.map((i) => [i.id, i]));
    expect(byId.get('PLAT-5')).toMatchObject({
      epic: 'sso',
      type: 'task',
      status: 'in-progress',
      file: 'backlog/jira.yaml',
    });
    expect(byId.get('MOB-1')).toMatchObject({
      epic: 'mobile',
      sprint: 'Cycle 12',
      points: 3,
      owners: ['ana@acme.example'],
    });
    expect(byId.get('beacon-13')).toMatchObject({ epic: 'beacon-alerts', type: 'defect', visibility: 'public' });
  });

  it('changes no byte on a second import of the same export, and says so', async () => {
    await cairnImport('jira', 'jira.csv');
    const first = await backlog('jira.yaml');
    const again = await cairnImport('jira', 'jira.csv');
    expect(again.code).toBe(0);
    expect(again.out).toContain('content/backlog/jira.yaml is up to date; nothing to write.');
    expect(await backlog('jira.yaml')).toBe(first);
  });

  it('updates the items in place, keeping notes and visibility written by hand, and reports items gone from the export', async () => {
    await cairnImport('jira', 'jira.csv');
    const edited = (await backlog('jira.yaml')).replace(
      '  title: Rank results by recency\n',
      '  title: Rank results by recency\n  visibility: internal\n  notes: Dropped after the search review.\n',
    );
    await writeFile(join(content, 'backlog', 'jira.yaml'), edited);
    const csv = (await readFile(join(EXPORTS, 'jira.csv'), 'utf8'))
      .replace(',Selected for Development,', ',In Progress,')
      .replace(/^Faster search results,.*\r\n/m, '');
    await writeFile(join(root, 'changed.csv'), csv);
    const run = await cairnImport('jira', join(root, 'changed.csv'));
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('updated PLAT-9: status "todo" -> "in-progress"');
    expect(run.out).toContain('no longer in the export, kept as they are (1): PLAT-6');
    const after = await backlog('jira.yaml');
    expect(after).toContain('  visibility: internal\n  notes: Dropped after the search review.\n');
    expect(after).toContain('- id: PLAT-6\n');
    expect(after.replace('status: in-progress\n  points: 3', 'status: todo\n  points: 3')).toBe(edited);
  });

  it('writes nothing with --dry-run, and lists what would change and the parents no roadmap item tracks', async () => {
    const run = await cairnImport('jira', 'jira.csv', { dryRun: true });
    expect(run.code).toBe(0);
    expect(existsSync(join(content, 'backlog', 'jira.yaml'))).toBe(false);
    expect(run.out).toContain('added (8): PLAT-2, PLAT-3, PLAT-4, PLAT-5, PLAT-6, PLAT-7, PLAT-8, PLAT-9');
    expect(run.out).toContain('Dry run: would create content/backlog/jira.yaml; nothing was written.');
    expect(run.err).toContain(
      'parent PLAT-30 ("Mobile offline mode") matches no roadmap item\'s tracker; its 2 items are imported without an epic',
    );
  });

  it('writes nothing and exits 1 when the export has errors, leaving the old file as it was', async () => {
    await cairnImport('linear', 'linear-30.csv');
    const before = await backlog('linear.yaml');
    await writeFile(join(root, 'bad.csv'), 'ID,Title,Status\nMOB-1,A,Parked\n,No id,Todo\n');
    const run = await cairnImport('linear', join(root, 'bad.csv'));
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'bad.csv:2: row 2, Status: MOB-1: got "Parked", which no status map covers; map it in site.yaml: import: { statusMap: { Parked: todo } }',
    );
    expect(run.err).toContain('bad.csv:3: row 3, ID: is empty');
    expect(run.err).toContain('2 errors; nothing was written.');
    expect(await backlog('linear.yaml')).toBe(before);
  });

  it('exits 2 for an unknown source, an export it cannot read, or an --out that is not YAML', async () => {
    expect(await cairnImport('trello', 'jira.csv')).toMatchObject({
      code: 2,
      err: 'Unknown import source "trello"; expected one of: jira, linear, github.',
    });
    expect((await cairnImport('jira', 'missing.csv')).code).toBe(2);
    expect((await cairnImport('jira', 'jira.csv', { out: 'backlog/jira.csv' })).code).toBe(2);
    await mkdir(join(content, 'backlog', 'folder.yaml'), { recursive: true });
    expect(await cairnImport('jira', 'jira.csv', { out: 'backlog/folder.yaml' })).toMatchObject({
      code: 2,
      err: 'Cannot read content/backlog/folder.yaml (EISDIR); expected --out to name a YAML file.',
    });
  });

  it('reads --out starting with backlog/ inside the content folder, and other relative paths from the project root', async () => {
    expect(resolveOut(undefined, 'jira', '/p/content', '/p')).toBe('/p/content/backlog/jira.yaml');
    expect(resolveOut('backlog/team/jira.yaml', 'jira', '/p/content', '/p')).toBe('/p/content/backlog/team/jira.yaml');
    expect(resolveOut('out/jira.yaml', 'jira', '/p/content', '/p')).toBe('/p/out/jira.yaml');
    expect(resolveOut('/abs/jira.yaml', 'jira', '/p/content', '/p')).toBe('/abs/jira.yaml');
    const run = await cairnImport('jira', 'jira.csv', { out: 'backlog/platform.yaml' });
    expect(run.code).toBe(0);
    expect(existsSync(join(content, 'backlog', 'platform.yaml'))).toBe(true);
    const outside = await cairnImport('jira', 'jira.csv', { out: 'elsewhere.yaml' });
    expect(outside.code).toBe(0);
    expect(existsSync(join(root, 'elsewhere.yaml'))).toBe(true);
    expect(outside.err).toContain(
      'warning elsewhere.yaml: not inside content/backlog/, so check and build will not read it.',
    );
  });

  it('reports a wrong site.yaml import: map as check does, with its line', async () => {
    const site = join(content, 'site.yaml');
    await writeFile(
      site,
      (await readFile(site, 'utf8')).replace('"Ready for QA": in-progress', '"Ready for QA": doing'),
    );
    const run = await cairnImport('jira', 'jira.csv');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'error content/site.yaml:7: import.statusMap.Ready for QA: got "doing"; expected one of: todo, in-progress, done, wont-do',
    );
    const { diagnostics } = await loadContent(diskSource(content, 'content'));
    expect(diagnostics.map(formatDiagnostic)).toContain(
      'error content/site.yaml:7: import.statusMap.Ready for QA: got "doing"; expected one of: todo, in-progress, done, wont-do',
    );
  });
});
