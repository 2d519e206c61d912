import { type ChildProcess, spawn } from 'node:child_process';
import { cp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { FIXTURES, OUTPUT, PROJECT_ROOT } from '../support/build.ts';

/**
 * `cairn dev` (npm run dev) against a scratch copy of the audience fixture, in real headless
 * Chromium: what an author sees in the open browser tab while editing content files.
 * The tests run in order and each leaves the content valid for the next.
 */

/** The spec: edits, added and removed files show within 2 s. */
const LIVE_MS = 2000;
const START_MS = 120_000;

const content = join(OUTPUT, `dev-content-${process.pid}`);
const item = join(content, 'roadmap', 'search.md');
let original: string;
let url: string;
let browser: Browser;
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it gives a value or the deadline passes; a probe that throws counts as not yet. */
async function within<T>(ms: number, what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = performance.now() + ms;
  let last: Error | null = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error as Error; // The page is reloading; try again.
    }
    if (performance.now() > deadline) {
      const cause = last?.cause instanceof Error ? `: ${last.cause.message}` : '';
      throw new Error(`not within ${ms} ms: ${what}${last ? ` (last error: ${last.message}${cause})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a page; a navigation cut short by the dev server's own reload of the tab is tried again. */
async function visit(path: string): Promise<void> {
  await within(15_000, `open ${path}`, async () =>
    (await page.goto(`${url}${path}`, { waitUntil: 'domcontentloaded', timeout: 5000 }))?.ok(),
  );
}

/** Sets the test item's status, whatever it was. */
const setStatus = async (status: string) =>
  writeFile(item, (await readFile(item, 'utf8')).replace(/^status: .*$/m, `status: ${status}`));

const bodyText = () => page.locator('body').innerText({ timeout: 200 });
const shows = (text: string) => async () => (await bodyText()).includes(text);

interface DevServer {
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  running(): boolean;
  stop(): Promise<void>;
}

/** `npm run dev` on `contentDir`, as an author starts it; nothing waited for yet. */
async function startDev(contentDir: string): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'cairn.js'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: {
        // As an author's shell would have it: Astro serves no pages under VITEST, and NODE_ENV=test
        // is the runner's, not the author's.
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$)/.test(name))),
        ASTRO_TELEMETRY_DISABLED: '1',
        ROADMAP_CONTENT: contentDir,
        ROADMAP_AUDIENCE: 'public',
        ROADMAP_TODAY: '2026-11-21',
        ROADMAP_BASE: '/',
        ROADMAP_COMPARE_BASE: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => printed,
    running,
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until the server serves the roadmap page; fails at once, with its output, if it exits. */
async function answers(dev: DevServer, ms = START_MS): Promise<void> {
  await within(ms, 'the dev server answers', async () => {
    if (!dev.running()) return 'exited';
    return (await fetch(`${dev.url}/roadmap/`, { headers: { accept: 'text/html' } })).ok;
  }).then(
    (result) => {
      if (result === 'exited') throw new Error(`the dev server exited:\n${dev.output()}`);
    },
    (error: unknown) => {
      throw new Error(`${String(error)}\n${dev.output()}`);
    },
  );
}

let dev: DevServer | undefined;
let second: DevServer | undefined;

beforeAll(async () => {
  await rm(content, { recursive: true, force: true });
  await cp(join(FIXTURES, 'audience'), content, { recursive: true });
  original = await readFile(item, 'utf8');
  dev = await startDev(content);
  url = dev.url;
  await answers(dev);
  browser = await launchChromium();
  page = await browser.newPage();
  await visit('/roadmap/');
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  await second?.stop();
  await rm(content, { recursive: true, force: true });
  await rm(`${content}-broken`, { recursive: true, force: true });
});

describe('cairn dev', () => {
  it("shows an edited roadmap item's title on the open page within 2 s", async () => {
    await within(10_000, 'the roadmap page', shows('Full-text search'));
    await writeFile(item, original.replace('title: Full-text search', 'title: Instant search'));
    await within(LIVE_MS, 'the new title, and only it, on the roadmap page', async () => {
      const text = await bodyText();
      return text.includes('Instant search') && !text.includes('Full-text search');
    });
  });

  it('shows a changed status within 2 s', async () => {
    await visit('/roadmap/search/');
    await within(10_000, 'the item page', async () => /planned/i.test(await bodyText()));
    await setStatus('paused');
    await within(LIVE_MS, 'the new status on the item page', async () => /paused/i.test(await bodyText()));
  });

  it('shows an added item, body included, within 2 s', async () => {
    await visit('/roadmap/');
    await writeFile(
      join(content, 'roadmap', 'instant-export.md'),
      '---\ntitle: Instant export\nsummary: Export in one click.\ntheme: Speed\nstatus: planned\nquarter: 2028-Q2\nvisibility: public\n---\nThe export body.\n',
    );
    await within(LIVE_MS, 'the added item on the roadmap page', shows('Instant export'));
    await visit('/roadmap/instant-export/');
    // Astro's own reload for its new body may still be on its way: this page can reload once more.
    await within(LIVE_MS, 'the added body on its page', shows('The export body.'));
  });

  it('drops a removed item within 2 s', async () => {
    await visit('/roadmap/');
    await unlink(join(content, 'roadmap', 'instant-export.md'));
    await within(LIVE_MS, 'the removed item gone from the roadmap page', async () => {
      const text = await bodyText();
      return text.includes('Now, next, later') && !text.includes('Instant export');
    });
  });

  it("shows a broken file's diagnostic on the page and in the terminal, and keeps running", async () => {
    await visit('/roadmap/');
    const before = dev!.output().length;
    await setStatus('doing');
    const expected = /roadmap\/search\.md:5: status: got "doing"; expected one of: exploring, planned/;
    await within(LIVE_MS, 'the diagnostic on the page', async () =>
      expected.test(await page.locator('#cairn-diagnostics').innerText({ timeout: 200 })),
    );
    await within(LIVE_MS, 'the diagnostic in the terminal', async () => expected.test(dev!.output().slice(before)));
    expect(dev!.output().slice(before)).not.toMatch(/^\s+at /m); // no stack trace
    // Every page says so, not only the one that was open.
    const other = await browser.newPage();
    try {
      expect((await other.goto(`${url}/objectives/`))?.status()).toBe(500);
      expect(await other.locator('#cairn-diagnostics').innerText()).toMatch(expected);
    } finally {
      await other.close();
    }
    expect(dev!.running()).toBe(true);
  });

  it('recovers on the open error page once the file is fixed', async () => {
    await setStatus('planned');
    await within(LIVE_MS, 'the roadmap page back in place of the error page', async () => {
      const text = await bodyText();
      return text.includes('Instant search') && !text.includes('status: got');
    });
    expect(dev!.running()).toBe(true);
  });
});

describe('cairn dev started on content that does not validate', () => {
  it('prints the diagnostics, keeps waiting, and starts serving once the file is fixed', async () => {
    const broken = `${content}-broken`;
    await rm(broken, { recursive: true, force: true });
    await cp(join(FIXTURES, 'audience'), broken, { recursive: true });
    const file = join(broken, 'roadmap', 'search.md');
    await writeFile(file, original.replace(/^status: .*$/m, 'status: doing'));
    // One dev server at a time in this project: both would write its .astro/.
    await dev?.stop();
    second = await startDev(broken);
    await within(
      START_MS,
      'the diagnostic in the terminal',
      async () =>
        !second!.running() ||
        /roadmap\/search\.md:5: status: got "doing"[^\n]*\n[\s\S]*waiting for a fix/.test(second!.output()),
    );
    expect(second.running()).toBe(true);
    await writeFile(file, original);
    await answers(second);
    const text = await (await fetch(`${second.url}/roadmap/`, { headers: { accept: 'text/html' } })).text();
    expect(text).toContain('Full-text search');
  });
});
