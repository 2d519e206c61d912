import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, listFiles, runBuild } from '../support/build.ts';

const content = join(FIXTURES, 'audience');
const previewOut = join(OUTPUT, 'base-preview');
const firstOut = join(OUTPUT, 'determinism-1');
const secondOut = join(OUTPUT, 'determinism-2');

beforeAll(async () => {
  await Promise.all([previewOut, firstOut, secondOut].map((dir) => rm(dir, { recursive: true, force: true })));
  const preview = await runBuild({ content, out: previewOut, base: '/pr-7/' });
  expect(preview.code, preview.stderr).toBe(0);
  for (const out of [firstOut, secondOut]) {
    const result = await runBuild({ content, out, audience: 'internal' });
    expect(result.code, result.stderr).toBe(0);
  }
});

describe('a build under a base path', () => {
  it('prefixes every root-relative link and asset with the base path', async () => {
    const offenders: string[] = [];
    for (const file of (await listFiles(previewOut)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(previewOut, file), 'utf8');
      for (const [, url] of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
        if (!url!.startsWith('/pr-7/')) offenders.push(`${file}: ${url}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('puts the base path into canonical and roadmap.json URLs', async () => {
    const html = await readFile(join(previewOut, 'roadmap/previews/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://fixture.example/pr-7/roadmap/previews/">');
    const json = JSON.parse(await readFile(join(previewOut, 'roadmap.json'), 'utf8'));
    expect(json.items[0].url).toBe('https://fixture.example/pr-7/roadmap/previews/');
    expect(json.site.url).toBe('https://fixture.example/pr-7/');
  });
});

describe('two builds of the same content on the same day', () => {
  it('are identical, byte for byte', async () => {
    const files = await listFiles(firstOut);
    expect(await listFiles(secondOut)).toEqual(files);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(firstOut, file)), readFile(join(secondOut, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });
});
