import { describe, expect, it } from 'vitest';
import { buildShared, viewMemo } from '../../src/lib/build/build-shared.ts';

describe('a value the build hands to Astro', () => {
  it('is computed once on first use when nothing was handed over', async () => {
    let computed = 0;
    const value = buildShared(`test-${Math.random()}`, async () => ++computed);
    expect(await value.get()).toBe(1);
    expect(await value.get()).toBe(1);
    expect(computed).toBe(1);
  });

  it('reaches every module instance once handed over, and is then never computed', async () => {
    const name = `test-${Math.random()}`;
    let computed = 0;
    // Two instances of one module, as Astro's separate module graphs load it.
    const inBuildScript = buildShared(name, async () => ++computed);
    const inPages = buildShared(name, async () => ++computed);
    inBuildScript.share(42);
    expect(await inPages.get()).toBe(42);
    expect(await inBuildScript.get()).toBe(42);
    expect(computed).toBe(0);
  });

  it('is computed once for every module instance when nothing was handed over', async () => {
    const name = `test-${Math.random()}`;
    let computed = 0;
    const inConfig = buildShared(name, async () => ++computed);
    const inPages = buildShared(name, async () => ++computed);
    expect(await inConfig.get()).toBe(1);
    expect(await inPages.get()).toBe(1);
  });

  it('is computed again after the dev server forgets it, in every module instance', async () => {
    const name = `test-${Math.random()}`;
    let computed = 0;
    const inDevServer = buildShared(name, async () => ++computed);
    const inPages = buildShared(name, async () => ++computed);
    expect(await inPages.get()).toBe(1);
    inDevServer.forget();
    expect(await inPages.get()).toBe(2);
    expect(await inDevServer.get()).toBe(2);
  });

  it('is replaced everywhere when a new value is handed over', async () => {
    const name = `test-${Math.random()}`;
    const inDevServer = buildShared(name, async () => 0);
    const inPages = buildShared(name, async () => 0);
    inDevServer.share(1);
    inDevServer.share(2);
    expect(await inPages.get()).toBe(2);
  });
});

describe('a value derived from a view', () => {
  it('is worked out once per view and key, for every module instance of the build', () => {
    const name = `memo-${Math.random()}`;
    // Two instances of the same module, as the build script and Astro's pages each load it.
    const [inScript, inPages] = [viewMemo<object, number>(name), viewMemo<object, number>(name)];
    const view = {};
    let computed = 0;
    expect(inScript(view, 'a', () => ++computed)).toBe(1);
    expect(inPages(view, 'a', () => ++computed)).toBe(1);
    expect(inPages(view, 'b', () => ++computed)).toBe(2);
    expect(inScript({}, 'a', () => ++computed)).toBe(3);
    expect(computed).toBe(3);
  });
});
