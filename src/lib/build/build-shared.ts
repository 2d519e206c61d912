/**
 * A value the build script makes once and hands to Astro's modules. Astro loads the config,
 * the content config and the pages each through its own module graph, in the build's process:
 * a module-level variable would exist once per graph, so the value is left on `globalThis`
 * under a registered symbol. Outside a build (tests) nothing is handed over, and the value is
 * computed on first use and kept there too, so every graph sees the same one.
 *
 * The dev server (src/integrations/dev-reload.ts) is the one place values change within a
 * process: it shares a freshly loaded model and `forget`s what was derived from the old one.
 */
export function buildShared<T>(
  name: string,
  compute: () => Promise<T>,
): { share(value: T): void; get(): Promise<T>; forget(): void } {
  const key = Symbol.for(`cairn.${name}`);
  const store = globalThis as { [key]?: Promise<T> };
  return {
    share(value) {
      store[key] = Promise.resolve(value);
    },
    get() {
      return (store[key] ??= compute());
    },
    forget() {
      delete store[key];
    },
  };
}

/**
 * A value derived from a view, worked out once per view and key for every module graph of
 * the build (the build script and Astro's pages ask for the same route table and timeline
 * drawings): kept on `globalThis` like `buildShared`, and dropped with the view. The key is a
 * string, or an object (the build's changes data) compared by identity.
 */
export function viewMemo<V extends object, T>(name: string): (view: V, key: unknown, compute: () => T) => T {
  const symbol = Symbol.for(`cairn.${name}`);
  const store = globalThis as { [symbol]?: WeakMap<V, Map<unknown, T>> };
  const memo = (store[symbol] ??= new WeakMap());
  return (view, key, compute) => {
    let values = memo.get(view);
    if (!values) memo.set(view, (values = new Map<unknown, T>()));
    if (!values.has(key)) values.set(key, compute());
    return values.get(key)!;
  };
}
