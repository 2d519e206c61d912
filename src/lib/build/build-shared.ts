/**
 * A value the build script makes once and hands to Astro's modules. Astro loads the config,
 * the content config and the pages each through its own module graph, in the build's process:
 * a module-level variable would exist once per graph, so the value is left on `globalThis`
 * under a registered symbol. Outside a build (the dev server, tests) nothing is handed over,
 * and the value is computed on first use, once per module instance, so the dev server picks up
 * edited content when it reloads the module.
 */
export function buildShared<T>(name: string, compute: () => Promise<T>): { share(value: T): void; get(): Promise<T> } {
  const key = Symbol.for(`cairn.${name}`);
  const store = globalThis as { [key]?: Promise<T> };
  let computed: Promise<T> | undefined;
  return {
    share(value) {
      store[key] = Promise.resolve(value);
    },
    get() {
      return store[key] ?? (computed ??= compute());
    },
  };
}
