/**
 * The build's raster images: an Open Graph card for every HTML page (`og/<page>.png`) and a
 * PNG beside every timeline SVG (`timeline.png`, `timeline/<theme>.png`).
 *
 * The build asks for every page's card (from the route table) and every timeline and slide
 * PNG (from the view) before Astro starts (src/lib/build/image-requests.ts); worker
 * threads draw them into a cache meanwhile, keyed by a hash of everything drawn, so a rebuild
 * of unchanged content draws none. When Astro is done, `finish` checks that every HTML page
 * has its card, asks for a PNG of every timeline SVG no page asked for, waits for the
 * drawing, and links the images into the site.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImageJob, ImageRequest } from '../lib/build/image-requests.ts';
import { CARD_VERSION } from '../lib/og/card.ts';
import { ogImagePath, pagePathOfFile } from '../lib/og/meta.ts';
import { pngWidth } from '../lib/timeline/files.ts';
import { sourceExtension } from './paths.ts';

export interface ImageStats {
  /** Open Graph cards drawn and taken from the cache. */
  og: { generated: number; reused: number };
  /** Timeline PNGs drawn and taken from the cache. */
  timeline: { generated: number; reused: number };
}

// resvg allocates with mimalloc, which hands freed memory back to the system after 10 ms: each
// drawing then faulted its pixels' pages in afresh, a fifth of a cold build's system time.
// Kept instead (about 100 MB more at the peak of a 1,000-item build). Read by mimalloc when
// a worker first draws, so it is set before any worker starts; a user's own setting stays.
process.env.MIMALLOC_PURGE_DELAY ??= '-1';

/** Bump when rendering changes in a way the inputs do not show (fonts, renderer, encoder). */
const RENDER_VERSION = 2;

/** Drawings a worker is sent ahead of finishing the ones it has. */
const AHEAD = 16;

interface Drawing {
  job: ImageJob;
  /** The image was in the cache when first asked for; otherwise this build draws it. */
  cached: boolean;
}

export class ImagePool {
  /** Every image asked for, by cache key. */
  private readonly drawings = new Map<string, Drawing>();
  /** Which image each file of the site gets, by path relative to the site. */
  private readonly targets = new Map<string, string>();
  private readonly queue: { key: string; job: ImageJob }[] = [];
  private readonly workers: Worker[] = [];
  /** Drawings sent to each worker and not yet done. */
  private readonly sent = new Map<Worker, number>();
  private failure: Error | null = null;
  private settled: (() => void) | null = null;

  private readonly cacheDir: string;
  private readonly size: number;

  constructor(cacheDir: string, size = Math.max(1, Math.min(availableParallelism(), 4))) {
    this.cacheDir = cacheDir;
    this.size = size;
    mkdirSync(cacheDir, { recursive: true });
  }

  /** Asks for an image; it is drawn now unless it is cached or already asked for. */
  request({ job, target }: ImageRequest): void {
    const key = createHash('sha256')
      .update(JSON.stringify([RENDER_VERSION, CARD_VERSION, job]))
      .digest('hex');
    const previous = this.targets.get(target);
    // Two drawings for one file: whatever asked first (the route table, the timeline files)
    // and the page disagree about what it shows, and one of them drew in vain.
    if (previous !== undefined && previous !== key)
      this.failure ??= new Error(`Two different images were asked for ${target}; expected one drawing per file`);
    this.targets.set(target, key);
    if (this.drawings.has(key)) return;
    const cached = existsSync(this.cached(key));
    this.drawings.set(key, { job, cached });
    if (!cached) {
      this.queue.push({ key, job });
      this.pump();
    }
  }

  /**
   * Completes the site in `siteDir`: the card of every HTML page, a PNG for every timeline
   * SVG, each placed at its path. Throws if any image failed, or if an HTML page has no card:
   * cards are asked for from the route table, so such a page is one the table does not list.
   */
  async finish(siteDir: string): Promise<ImageStats> {
    try {
      const files = await filesOf(siteDir);
      const missing = files
        .filter((file) => file.endsWith('.html'))
        .filter((file) => !this.targets.has(ogImagePath(pagePathOfFile(file))));
      if (missing.length) {
        throw new Error(`No Open Graph card was asked for by ${missing.join(', ')} (not in the route table)`);
      }
      for (const file of files.filter((name) => name.endsWith('.svg'))) {
        const target = file.replace(/\.svg$/, '.png');
        if (!/^timeline(\/[^/]+)?\.svg$/.test(file) || this.targets.has(target)) continue;
        // A timeline file no page asked a PNG for: drawn whole, in one band.
        const svg = await readFile(join(siteDir, file), 'utf8');
        const [, w = 1, h = 1] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)?.map(Number) ?? [];
        this.request({ job: { kind: 'svg', width: pngWidth(w, h), bands: [svg] }, target });
      }
      await this.drained();

      const stats: ImageStats = { og: { generated: 0, reused: 0 }, timeline: { generated: 0, reused: 0 } };
      const folders = new Set<string>();
      for (const [target, key] of this.targets) {
        const drawing = this.drawings.get(key)!;
        place(this.cached(key), join(siteDir, target), folders);
        stats[drawing.job.kind === 'card' ? 'og' : 'timeline'][drawing.cached ? 'reused' : 'generated'] += 1;
      }
      return stats;
    } finally {
      await this.close();
    }
  }

  /** Stops the workers; what they were drawing is abandoned. */
  async close(): Promise<void> {
    this.queue.length = 0;
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }

  private cached(key: string): string {
    return join(this.cacheDir, `${key}.png`);
  }

  /**
   * Hands queued drawings to the least busy worker, starting workers up to the pool's size.
   * Each worker is sent up to AHEAD drawings at once: while Astro renders, this thread can
   * take a long while to notice that a worker finished, and the worker should not sit idle.
   */
  private pump(): void {
    while (this.queue.length > 0 && !this.failure) {
      if (this.workers.length < this.size) this.start();
      const worker = this.workers.reduce((a, b) => (this.sent.get(b)! < this.sent.get(a)! ? b : a));
      if (this.sent.get(worker)! >= AHEAD) break;
      const { key, job } = this.queue.shift()!;
      this.sent.set(worker, this.sent.get(worker)! + 1);
      worker.postMessage({ id: key, job, file: this.cached(key) });
    }
    if (this.inFlight() === 0 && (this.queue.length === 0 || this.failure)) this.settled?.();
  }

  private inFlight(): number {
    let count = 0;
    for (const n of this.sent.values()) count += n;
    return count;
  }

  private start(): Worker {
    // image-worker.ts here, image-worker.js once compiled into the package.
    const worker = new Worker(new URL(`./image-worker${sourceExtension}`, import.meta.url));
    worker.on('message', (reply: { id: string; error?: string }) => {
      this.sent.set(worker, this.sent.get(worker)! - 1);
      if (reply.error) this.failure ??= new Error(`An image failed to render: ${reply.error}`);
      this.pump();
    });
    worker.on('error', (error) => {
      // A worker that crashed answers nothing more: what it was sent is lost with it.
      this.failure ??= error;
      this.sent.set(worker, 0);
      this.pump();
    });
    this.workers.push(worker);
    this.sent.set(worker, 0);
    return worker;
  }

  /** Resolves when every image asked for is drawn; rejects with the first that failed. */
  private async drained(): Promise<void> {
    if (this.inFlight() > 0 || (this.queue.length > 0 && !this.failure)) {
      await new Promise<void>((resolve) => {
        this.settled = resolve;
      });
    }
    if (this.failure) throw this.failure;
  }
}

/** Every file of the site, as `/`-separated paths from its root, sorted. */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * A cached image into the site: a hard link where the file system allows, else a copy.
 * Synchronously, each folder made once: a site has a thousand images, and three thread-pool
 * round trips each were half a second of a rebuild. `folders` holds the folders made so far.
 */
function place(cached: string, target: string, folders: Set<string>): void {
  const folder = dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  try {
    linkSync(cached, target);
  } catch (error) {
    // A file already there (the site's own public/ folder, say) is replaced.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') rmSync(target, { force: true });
    try {
      linkSync(cached, target);
    } catch {
      copyFileSync(cached, target);
    }
  }
}
