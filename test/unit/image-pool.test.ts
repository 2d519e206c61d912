import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImagePool } from '../../src/cli/images.ts';
import type { CardInput } from '../../src/lib/og/card.ts';
import { cardInput } from '../../src/lib/og/meta.ts';
import { decodePng } from '../support/png.ts';

const site = { title: 'Acme Roadmap', url: 'https://roadmap.acme.example/' };
const card = (title: string): CardInput =>
  cardInput(site, { title, kind: 'Roadmap item', detail: 'Planned · Trust', accent: '#2f6fed' });
const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body></body></html>`;

let dir: string;
let siteDir: string;
let cacheDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-pool-'));
  siteDir = join(dir, 'site');
  cacheDir = join(dir, 'cache');
  await mkdir(siteDir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the image pool', () => {
  it('draws each distinct image once and places it at every path that asked for it', async () => {
    const pool = new ImagePool(cacheDir);
    pool.request({ target: 'og/a.png', job: { kind: 'card', input: card('Single sign-on') } });
    pool.request({ target: 'og/b.png', job: { kind: 'card', input: card('Single sign-on') } });
    pool.request({ target: 'og/c.png', job: { kind: 'card', input: card('Audit log') } });
    const stats = await pool.finish(siteDir);

    expect(stats.og).toEqual({ generated: 3, reused: 0 });
    expect(await readdir(cacheDir)).toHaveLength(2);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => readFile(join(siteDir, 'og', `${n}.png`))));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(false);
    expect(decodePng(a!)).toMatchObject({ width: 1200, height: 630 });
  });

  it('fails when one file is asked for as two different drawings, naming the file', async () => {
    const pool = new ImagePool(cacheDir);
    pool.request({ target: 'og/a.png', job: { kind: 'card', input: card('Single sign-on') } });
    pool.request({ target: 'og/a.png', job: { kind: 'card', input: card('Single sign-on') } });
    pool.request({ target: 'og/a.png', job: { kind: 'card', input: card('Audit log') } });
    await expect(pool.finish(siteDir)).rejects.toThrow('Two different images were asked for og/a.png');
  });

  it('fails when an HTML page asked for no card, naming the page', async () => {
    await writeFile(join(siteDir, 'index.html'), page('Home'));
    await mkdir(join(siteDir, 'roadmap', 'sso'), { recursive: true });
    await writeFile(join(siteDir, 'roadmap', 'sso', 'index.html'), page('Single sign-on'));
    const pool = new ImagePool(cacheDir);
    pool.request({ target: 'og/index.png', job: { kind: 'card', input: card('Home') } });
    await expect(pool.finish(siteDir)).rejects.toThrow('No Open Graph card was asked for by roadmap/sso/index.html');
  });

  it('draws nothing for a second build of the same images: they come from the cache', async () => {
    await writeFile(join(siteDir, 'index.html'), page('Home'));
    const first = new ImagePool(cacheDir);
    first.request({ target: 'og/index.png', job: { kind: 'card', input: card('Home') } });
    expect((await first.finish(siteDir)).og).toEqual({ generated: 1, reused: 0 });

    const again = join(dir, 'again');
    await mkdir(again);
    await writeFile(join(again, 'index.html'), page('Home'));
    const second = new ImagePool(cacheDir);
    second.request({ target: 'og/index.png', job: { kind: 'card', input: card('Home') } });
    expect((await second.finish(again)).og).toEqual({ generated: 0, reused: 1 });
    expect((await readFile(join(again, 'og/index.png'))).equals(await readFile(join(siteDir, 'og/index.png')))).toBe(
      true,
    );
  });

  it('draws a PNG for a timeline SVG that no page asked one for', async () => {
    await writeFile(
      join(siteDir, 'timeline.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 300" width="1200" height="300"><rect x="10" y="10" width="500" height="40" fill="#2f6fed"/></svg>',
    );
    const stats = await new ImagePool(cacheDir).finish(siteDir);
    expect(stats.timeline).toEqual({ generated: 1, reused: 0 });
    const png = decodePng(await readFile(join(siteDir, 'timeline.png')));
    expect(png).toMatchObject({ width: 2400, height: 600 });
    // The bar, scaled by two: blue at (100, 60), white outside it.
    const at = (x: number, y: number) => [...png.pixels.subarray((y * 2400 + x) * 4, (y * 2400 + x) * 4 + 3)];
    expect(at(100, 60)).toEqual([0x2f, 0x6f, 0xed]);
    expect(at(1500, 60)).toEqual([255, 255, 255]);
  });

  it('fails when an image cannot be drawn, and leaves nothing half-written in the cache', async () => {
    const pool = new ImagePool(cacheDir);
    pool.request({ target: 'timeline.png', job: { kind: 'svg', width: 1600, bands: ['<svg this is not svg'] } });
    pool.request({ target: 'og/index.png', job: { kind: 'card', input: card('Home') } });
    await expect(pool.finish(siteDir)).rejects.toThrow(/An image failed to render/);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
