/**
 * The build's raster images, made after Astro has written the pages: an Open Graph card for
 * every HTML page (`og/<page>.png`, from the page's own meta tags) and a PNG beside every
 * timeline SVG (`timeline.png`, `timeline/<theme>.png`). Every image is cached by a hash of
 * everything drawn on it, so a rebuild of unchanged content draws none; the rest are drawn on
 * all cores.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CARD_VERSION, type CardInput } from '../src/lib/og/card.ts';
import { ACCENT_META, DETAIL_META, KIND_META, ogImagePath, pagePathOfFile, readMeta } from '../src/lib/og/meta.ts';
import { pngWidth } from '../src/lib/timeline/files.ts';

export interface ImageStats {
  /** Open Graph cards drawn and taken from the cache. */
  og: { generated: number; reused: number };
  /** Timeline PNGs drawn and taken from the cache. */
  timeline: { generated: number; reused: number };
}

/** What a worker draws: a card from its description, or an SVG as a PNG of a given width. */
export type ImageJob = { kind: 'card'; input: CardInput } | { kind: 'svg'; svg: string; width: number };

/** Bump when rendering changes in a way the inputs do not show (fonts, renderer options). */
const RENDER_VERSION = 1;

async function filesEnding(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function writeImages(
  siteDir: string,
  cacheDir: string,
  site: { title: string; host: string },
): Promise<ImageStats> {
  const jobs = new Map<string, { job: ImageJob; targets: string[]; kind: 'og' | 'timeline' }>();
  const add = (job: ImageJob, target: string, kind: 'og' | 'timeline') => {
    const key = createHash('sha256')
      .update(JSON.stringify([RENDER_VERSION, CARD_VERSION, job]))
      .digest('hex');
    const entry = jobs.get(key) ?? { job, targets: [], kind };
    entry.targets.push(target);
    jobs.set(key, entry);
  };

  for (const file of await filesEnding(siteDir, '.html')) {
    const html = await readFile(join(siteDir, file), 'utf8');
    const input: CardInput = {
      siteTitle: site.title,
      host: site.host,
      title: readMeta(html, 'og:title') ?? site.title,
      kind: readMeta(html, KIND_META) ?? 'Page',
      detail: readMeta(html, DETAIL_META) ?? '',
      accent: readMeta(html, ACCENT_META) ?? '#1d5bd0',
    };
    add({ kind: 'card', input }, join(siteDir, ogImagePath(pagePathOfFile(file))), 'og');
  }
  for (const file of (await filesEnding(siteDir, '.svg')).filter((f) => /^timeline(\/[^/]+)?\.svg$/.test(f))) {
    const svg = await readFile(join(siteDir, file), 'utf8');
    const [, w = 1, h = 1] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)?.map(Number) ?? [];
    add({ kind: 'svg', svg, width: pngWidth(w, h) }, join(siteDir, file.replace(/\.svg$/, '.png')), 'timeline');
  }

  await mkdir(cacheDir, { recursive: true });
  const stats: ImageStats = { og: { generated: 0, reused: 0 }, timeline: { generated: 0, reused: 0 } };
  const toRender: { job: ImageJob; targets: string[] }[] = [];
  for (const [key, entry] of jobs) {
    const cached = join(cacheDir, `${key}.png`);
    if (existsSync(cached)) {
      for (const target of entry.targets) await place(cached, target);
      stats[entry.kind].reused += entry.targets.length;
    } else {
      toRender.push({ job: entry.job, targets: [cached, ...entry.targets] });
      stats[entry.kind].generated += entry.targets.length;
    }
  }
  await renderInPool(toRender);
  return stats;
}

/** A cached image into the site: a hard link where the file system allows, else a copy. */
async function place(cached: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await rm(target, { force: true });
  try {
    await link(cached, target);
  } catch {
    await copyFile(cached, target);
  }
}

async function renderInPool(jobs: { job: ImageJob; targets: string[] }[]): Promise<void> {
  if (jobs.length === 0) return;
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length, 4));
  const workers = Array.from({ length: size }, () => new Worker(new URL('./image-worker.ts', import.meta.url)));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ id, ...jobs[id] });
            };
            worker.on('message', (reply: { id: number; error?: string }) => {
              if (reply.error) reject(new Error(`An image failed to render: ${reply.error}`));
              else send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
