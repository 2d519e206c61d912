/**
 * Open Graph images for a built site: reads each HTML page's card description, and writes
 * `og/<page>.png`. Images are cached by a hash of everything drawn on them, so a rebuild of
 * unchanged content draws none; the rest are drawn on all cores.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CARD_VERSION, type CardInput } from '../src/lib/og/card.ts';
import { ACCENT_META, DETAIL_META, KIND_META, ogImagePath, pagePathOfFile, readMeta } from '../src/lib/og/meta.ts';

export interface OgStats {
  generated: number;
  reused: number;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function writeOgImages(
  siteDir: string,
  cacheDir: string,
  siteTitle: string,
  host: string,
): Promise<OgStats> {
  const jobs = new Map<string, { input: CardInput; targets: string[] }>();
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(join(siteDir, file), 'utf8');
    const input: CardInput = {
      siteTitle,
      host,
      title: readMeta(html, 'og:title') ?? siteTitle,
      kind: readMeta(html, KIND_META) ?? 'Page',
      detail: readMeta(html, DETAIL_META) ?? '',
      accent: readMeta(html, ACCENT_META) ?? '#1d5bd0',
    };
    const key = createHash('sha256')
      .update(JSON.stringify([CARD_VERSION, input]))
      .digest('hex');
    const target = join(siteDir, ogImagePath(pagePathOfFile(file)));
    const job = jobs.get(key) ?? { input, targets: [] };
    job.targets.push(target);
    jobs.set(key, job);
  }

  await mkdir(cacheDir, { recursive: true });
  const stats: OgStats = { generated: 0, reused: 0 };
  const toRender: { key: string; input: CardInput; targets: string[] }[] = [];
  for (const [key, job] of jobs) {
    const cached = join(cacheDir, `${key}.png`);
    if (
      await stat(cached).then(
        () => true,
        () => false,
      )
    ) {
      for (const target of job.targets) {
        await mkdir(dirname(target), { recursive: true });
        await copyFile(cached, target);
      }
      stats.reused += job.targets.length;
    } else {
      toRender.push({ key, input: job.input, targets: [cached, ...job.targets] });
      stats.generated += job.targets.length;
    }
  }
  await renderInPool(toRender);
  return stats;
}

async function renderInPool(jobs: { input: CardInput; targets: string[] }[]): Promise<void> {
  if (jobs.length === 0) return;
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length, 4));
  const workers = Array.from({ length: size }, () => new Worker(new URL('./og-worker.ts', import.meta.url)));
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
              if (reply.error) reject(new Error(`Open Graph image failed: ${reply.error}`));
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
