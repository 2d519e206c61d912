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
