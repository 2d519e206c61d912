import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { siteData } from '../lib/build/site-data.ts';

const escapeGlob = (path: string) => path.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

type Watcher = NonNullable<LoaderContext['watcher']>;
type Listener = Parameters<Watcher['on']>[1];

/**
 * Astro's glob loader over exactly the files whose body the audience may see. The list is read
 * from the current model each time the collection is loaded: the dev server reloads this
 * collection when the list changes (a new item with a body), and glob's patterns are fixed
 * per loader, so each load makes a new one. Its watcher listeners are removed first, or every
 * reload would add another set.
 */
export function bodiesLoader(): Loader {
  let previous: [string, Listener][] = [];
  return {
    name: 'cairn-bodies',
    async load(context) {
      const data = await siteData();
      const { watcher } = context;
      if (watcher) for (const [event, listener] of previous) watcher.off(event, listener);
      previous = [];
      const scoped = watcher && {
        add: (path: string | readonly string[]) => watcher.add(path),
        on(event: string, listener: Listener) {
          previous.push([event, listener]);
          watcher.on(event, listener);
          return scoped;
        },
      };
      const loader = glob({
        base: data.config.contentDir,
        // An empty pattern list would match nothing only by accident; a never-matching name is explicit.
        pattern: data.renderedFiles.length ? data.renderedFiles.map(escapeGlob) : ['.cairn-no-bodies'],
        generateId: ({ entry }) => entry,
        retainBody: false,
      });
      // glob uses only add() and on() of the watcher.
      await loader.load({ ...context, watcher: scoped as Watcher | undefined });
    },
  };
}
