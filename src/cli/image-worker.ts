/** Worker thread of the image pool: draws the images it is sent into the cache. */
import { rename, writeFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, threadId } from 'node:worker_threads';
import { renderCard } from '../lib/og/render.ts';
import { svgBandsToPng } from '../lib/render/png.ts';
import type { ImageJob } from '../lib/build/image-requests.ts';

type Message = { id: number; job: ImageJob; file: string };

/**
 * satori and resvg keep each image's buffers in native memory until V8 collects their
 * wrappers, and V8, seeing a small heap, rarely does: a collection every few images (and
 * every few bands of a tall drawing) keeps a worker near 200 MB.
 */
const GC_EVERY = 16;
let drawn = 0;
// Workers cannot be started with --expose-gc; this is how V8 hands out `gc` after start-up.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const collectSometimes = () => {
  if (++drawn % GC_EVERY === 0) gc();
};

async function render({ id, job, file }: Message): Promise<void> {
  try {
    const png =
      job.kind === 'card' ? await renderCard(job.input) : await svgBandsToPng(job.width, job.bands, collectSometimes);
    // Written aside and renamed: a cache entry is whole or absent, even if the build dies.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    await writeFile(partial, png);
    await rename(partial, file);
    collectSometimes();
    parentPort!.postMessage({ id });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.stack : String(error) });
  }
}

// The pool sends several drawings ahead (its own thread may be too busy to answer quickly):
// they wait here and are drawn one at a time. Errors are caught in `render` and sent back.
const waiting: Message[] = [];
let drawing = false;
parentPort!.on('message', (message: Message) => {
  waiting.push(message);
  if (!drawing) void drawAll();
});
async function drawAll(): Promise<void> {
  drawing = true;
  for (let next = waiting.shift(); next; next = waiting.shift()) await render(next);
  drawing = false;
}
