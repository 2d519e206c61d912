/** Worker thread of the image pool: draws the images it is sent and writes them. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { renderCard } from '../src/lib/og/render.ts';
import { svgToPng } from '../src/lib/render/png.ts';
import type { ImageJob } from './images.ts';

type Message = { id: number; job: ImageJob; targets: string[] };

/**
 * satori and resvg keep each image's buffers in native memory until V8 collects their
 * wrappers, and V8, seeing a small heap, rarely does: a collection every few images keeps a
 * worker near 200 MB.
 */
const GC_EVERY = 16;
let rendered = 0;
// Workers cannot be started with --expose-gc; this is how V8 hands out `gc` after start-up.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function render({ id, job, targets }: Message): Promise<void> {
  try {
    const png = job.kind === 'card' ? await renderCard(job.input) : svgToPng(job.svg, job.width);
    // Each awaited write lets the event loop run, which frees the renderer's native memory.
    for (const target of targets) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, png);
    }
    if (++rendered % GC_EVERY === 0) gc();
    parentPort!.postMessage({ id });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.stack : String(error) });
  }
}

// Errors are caught inside and sent back, so the promise never rejects.
parentPort!.on('message', (message: Message) => void render(message));
