/** Worker thread of the image pool: draws the images it is sent into the cache. */
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, threadId } from 'node:worker_threads';
import { CARD_HEIGHT, CARD_WIDTH } from '../lib/og/card.ts';
import { renderCard } from '../lib/og/render.ts';
import { fontsFor } from '../lib/render/font-subset.ts';
import { svgBandsToPng } from '../lib/render/png.ts';
import type { ImageJob } from '../lib/build/image-requests.ts';

type Message = { id: number; job: ImageJob; file: string };

/**
 * satori and resvg keep each image's pixels in native memory until V8 collects their
 * wrappers, and V8, which does not see that memory, may wait long to do so. Once a worker has
 * drawn this many bytes of pixels since the last collection, it collects its young objects,
 * where those wrappers are: a drawing of many bands (a tall timeline) then holds a few bands
 * at a time. A young collection leaves the parsed fonts and cached backgrounds alone; the full
 * collection every 16 images this replaces marked all of them again each time, and cost a
 * seventh of a cold build's drawing.
 */
/** A card's layers, drawn and copied, at most. */
const CARD_BYTES = CARD_WIDTH * CARD_HEIGHT * 4 * 2;
const COLLECT_AFTER_BYTES = 64 * 1024 * 1024;
let drawnBytes = 0;
// Workers cannot be started with --expose-gc; this is how V8 hands out `gc` after start-up.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
const drew = (bytes: number) => {
  drawnBytes += bytes;
  if (drawnBytes < COLLECT_AFTER_BYTES) return;
  drawnBytes = 0;
  gc({ type: 'minor' });
};

async function render({ id, job, file }: Message): Promise<void> {
  try {
    const png =
      job.kind === 'card'
        ? await renderCard(job.input)
        : // Inter cut down to what the drawing writes: resvg reads the font file once a character.
          await svgBandsToPng(job.width, job.bands, drew, await fontsFor(job.bands, join(dirname(file), 'fonts')));
    // Written aside and renamed: a cache entry is whole or absent, even if the build dies.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    await writeFile(partial, png);
    await rename(partial, file);
    if (job.kind === 'card') drew(CARD_BYTES);
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
