/** Worker thread of the Open Graph pool: renders the cards it is sent and writes them. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { renderCard } from '../src/lib/og/render.ts';
import type { CardInput } from '../src/lib/og/card.ts';

async function render(job: { id: number; input: CardInput; targets: string[] }): Promise<void> {
  try {
    const png = await renderCard(job.input);
    // Each awaited write lets the event loop run, which frees the renderer's native memory.
    for (const target of job.targets) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, png);
    }
    parentPort!.postMessage({ id: job.id });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.stack : String(error) });
  }
}

// Errors are caught inside and sent back, so the promise never rejects.
parentPort!.on('message', (job: { id: number; input: CardInput; targets: string[] }) => void render(job));
