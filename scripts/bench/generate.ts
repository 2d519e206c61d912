/**
 * Synthetic content sets for the benchmark: `items` roadmap items with five times as many
 * backlog items, objectives and wiki pages in proportion, a mix of public and internal, of
 * Markdown and MDX, dated around `today`. Deterministic: the same size gives the same files.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { seededRandom } from '../../test/support/random.ts';

const THEMES = ['Trust', 'Speed', 'Reach', 'Insight', 'Authoring', 'Platform'];
const STATUSES = ['exploring', 'planned', 'in-progress', 'shipped', 'paused', 'cancelled'];
const WORDS =
  'roadmap release customer preview search timeline backlog objective quality speed trust intake outlook review audit team plan quarter launch'.split(
    ' ',
  );

const pad = (n: number) => String(n).padStart(5, '0');
const date = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export interface GeneratedCounts {
  items: number;
  backlog: number;
  objectives: number;
  wiki: number;
  strategy: number;
}

export async function generateContent(dir: string, items: number): Promise<GeneratedCounts> {
  const rnd = seededRandom(items);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const paragraph = () => `${words(12)}. ${words(14)}. ${words(10)}.`;
  const files = new Map<string, string>();
  const today = new Date(Date.UTC(2026, 10, 21));
  const objectives = Math.max(4, Math.round(items / 10));
  const wiki = Math.max(4, Math.round(items / 10));
  const counts: GeneratedCounts = { items, backlog: items * 5, objectives, wiki, strategy: 5 };

  files.set(
    'site.yaml',
    `title: Benchmark Roadmap\nurl: https://bench.example\ndefaultVisibility: public\nfiscalYearStartMonth: 4\nthemes:\n${THEMES.map((t) => `  - id: ${t}`).join('\n')}\n`,
  );
  files.set('mission.md', `---\nstatement: ${words(10)}\n---\n${paragraph()}\n`);
  files.set('vision.md', `---\nstatement: ${words(10)}\nhorizon: "2028"\n---\n${paragraph()}\n`);
  for (let i = 1; i <= counts.strategy; i++) {
    files.set(
      `strategy/s-${i}.md`,
      `---\ntitle: Strategy ${i} ${words(3)}\nsummary: ${words(8)}\norder: ${i}\nmilestones:\n  - title: Milestone ${i}\n    date: ${date(today, i * 40)}\n---\n${paragraph()}\n\n${paragraph()}\n`,
    );
  }
  for (let i = 1; i <= objectives; i++) {
    files.set(
      `objectives/o-${pad(i)}.md`,
      `---\ntitle: Objective ${i} ${words(4)}\nperiod: 2027-Q${1 + (i % 4)}\nvisibility: ${i % 5 === 0 ? 'internal' : 'public'}\nupdated: ${date(today, -(i % 120))}\nkeyResults:\n  - title: ${words(5)}\n    start: 0\n    target: 100\n    current: ${Math.floor(rnd() * 100)}\n  - title: ${words(5)}\n    start: 50\n    target: 10\n    current: ${10 + Math.floor(rnd() * 40)}\n---\n${paragraph()}\n`,
    );
  }
  for (let i = 1; i <= items; i++) {
    const start = Math.floor(rnd() * 540) - 240;
    const length = 14 + Math.floor(rnd() * 120);
    const dated = i % 7 !== 0;
    const deps = i > 10 && i % 4 === 0 ? `\ndependsOn: [r-${pad(i - 1 - Math.floor(rnd() * 9))}]` : '';
    const mdx = i % 10 === 0;
    files.set(
      `roadmap/r-${pad(i)}.${mdx ? 'mdx' : 'md'}`,
      `---\ntitle: Item ${i} ${words(3)}\nsummary: ${words(9)}\ntheme: ${THEMES[i % THEMES.length]}\nstatus: ${pick(STATUSES)}\n${
        dated ? `start: ${date(today, start)}\nend: ${date(today, start + length)}\n` : ''
      }objectives: [o-${pad(1 + (i % objectives))}]${deps}\nteam: Team ${1 + (i % 8)}\nconfidence: ${pick(['high', 'medium', 'low'])}\nvisibility: ${i % 3 === 0 ? 'internal' : 'public'}\nupdated: ${date(today, -(i % 150))}\n---\n${paragraph()}\n\n## Scope\n\n- ${words(6)}\n- ${words(6)}\n\n${paragraph()}\n`,
    );
  }
  const perFile = 250;
  for (let f = 0; f * perFile < counts.backlog; f++) {
    const lines: string[] = [];
    for (let j = f * perFile + 1; j <= Math.min(counts.backlog, (f + 1) * perFile); j++) {
      lines.push(
        `- id: B-${pad(j)}\n  title: ${words(5)}\n  type: ${pick(['story', 'story', 'story', 'defect', 'task', 'spike'])}\n  status: ${pick(['todo', 'in-progress', 'done', 'done', 'wont-do'])}\n${
          j % 25 === 0 ? '' : `  epic: r-${pad(1 + (j % items))}\n`
        }  sprint: "S${1 + (j % 12)}"\n  points: ${1 + (j % 8)}\n  visibility: ${j % 2 ? 'public' : 'internal'}`,
      );
    }
    files.set(`backlog/part-${pad(f + 1)}.yaml`, `${lines.join('\n')}\n`);
  }
  for (let i = 1; i <= wiki; i++) {
    files.set(
      `wiki/section-${1 + (i % 5)}/w-${pad(i)}.md`,
      `---\ntitle: Wiki ${i} ${words(3)}\nsummary: ${words(8)}\norder: ${i}\nvisibility: public\n---\n${paragraph()}\n\n${paragraph()}\n`,
    );
  }

  await rm(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return counts;
}

/** The bare-Astro floor: the same number of plain MDX pages, one collection, one template. */
export async function generateBareSite(dir: string, pages: number): Promise<void> {
  const rnd = seededRandom(pages + 1);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  await rm(dir, { recursive: true, force: true });
  const files = new Map<string, string>([
    [
      'astro.config.mjs',
      `import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()], vite: { build: { rolldownOptions: { onwarn(w, warn) { if (w.code !== 'MODULE_LEVEL_DIRECTIVE') warn(w); } } } } });\n`,
    ],
    [
      'src/content.config.ts',
      `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { pages: defineCollection({ loader: glob({ base: './pages', pattern: '**/*.{md,mdx}' }) }) };\n`,
    ],
    [
      'src/pages/[...id].astro',
      `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('pages')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang="en"><head><title>{Astro.props.entry.data.title}</title></head><body><main><h1>{Astro.props.entry.data.title}</h1><Content /></main></body></html>\n`,
    ],
  ]);
  for (let i = 1; i <= pages; i++) {
    // The same share of MDX as the Cairn content set: one page in ten.
    files.set(
      `pages/p-${pad(i)}.${i % 10 === 0 ? 'mdx' : 'md'}`,
      `---\ntitle: Page ${i}\n---\n${words(12)}. ${words(14)}.\n\n## Scope\n\n- ${words(6)}\n- ${words(6)}\n\n${words(12)}.\n`,
    );
  }
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Where the Starlight site's pages go: one sidebar group per part of a roadmap site. */
const STARLIGHT_SECTIONS = ['roadmap', 'objectives', 'backlog', 'wiki'];

/**
 * What a team would otherwise build: a Starlight site with the same number of pages (the same
 * one-in-ten MDX share), its sidebar generated from the folders, its search (Pagefind, on by
 * default), and an Open Graph image per page drawn by astro-og-canvas and named in the page's
 * head, with local fonts (its default font is fetched from the web).
 */
export async function generateStarlightSite(dir: string, pages: number): Promise<void> {
  const rnd = seededRandom(pages + 2);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const fonts = join(import.meta.dirname, '..', '..', 'node_modules', '@expo-google-fonts', 'inter');
  await rm(dir, { recursive: true, force: true });
  const sidebar = STARLIGHT_SECTIONS.map((s) => ({
    label: s,
    collapsed: true,
    items: [{ autogenerate: { directory: s } }],
  }));
  const files = new Map<string, string>([
    [
      'astro.config.mjs',
      `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://bench.example',
  integrations: [starlight({ title: 'Bench roadmap', sidebar: ${JSON.stringify(sidebar)}, routeMiddleware: './src/og-head.ts' })],
  vite: {
    build: { rolldownOptions: { onwarn(w, warn) { if (w.code !== 'MODULE_LEVEL_DIRECTIVE') warn(w); } } },
  },
});
`,
    ],
    [
      'src/content.config.ts',
      `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    ],
    [
      // astro-og-canvas's README recipe: one PNG per entry of the docs collection.
      'src/pages/og/[...route].ts',
      `import { getCollection } from 'astro:content';
import { OGImageRoute } from 'astro-og-canvas';
const entries = await getCollection('docs');
export const { getStaticPaths, GET } = await OGImageRoute({
  param: 'route',
  pages: Object.fromEntries(entries.map(({ id, data }) => [id, data])),
  getImageOptions: (_path, page) => ({
    title: page.title,
    description: page.description,
    bgGradient: [[24, 24, 27]],
    border: { color: [47, 111, 237], width: 20 },
    fonts: [${JSON.stringify(join(fonts, '400Regular', 'Inter_400Regular.ttf'))}, ${JSON.stringify(join(fonts, '700Bold', 'Inter_700Bold.ttf'))}],
    font: { title: { families: ['Inter'], weight: 'Bold' }, description: { families: ['Inter'] } },
    cacheDir: ${JSON.stringify(join(dir, '.og-cache'))},
  }),
});
`,
    ],
    [
      // Starlight's recipe for per-page head tags: the page's card as og:image.
      'src/og-head.ts',
      `import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
export const onRequest = defineRouteMiddleware((context) => {
  const { id } = context.locals.starlightRoute.entry;
  context.locals.starlightRoute.head.push({ tag: 'meta', attrs: { property: 'og:image', content: new URL(\`og/\${id}.png\`, context.site).href } });
});
`,
    ],
  ]);
  for (let i = 1; i <= pages; i++) {
    const section = STARLIGHT_SECTIONS[i % STARLIGHT_SECTIONS.length];
    files.set(
      `src/content/docs/${section}/p-${pad(i)}.${i % 10 === 0 ? 'mdx' : 'md'}`,
      `---\ntitle: Page ${i} ${words(3)}\ndescription: ${words(10)}\n---\n${words(12)}. ${words(14)}.\n\n## Scope\n\n- ${words(6)}\n- ${words(6)}\n\n${words(12)}.\n`,
    );
  }
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  // Starlight needs js-yaml 4, nested in its own folder here because Cairn's is 5. Its built
  // pages import js-yaml from the site's dist/ and would find Cairn's; a team's project would
  // have Starlight's at its top, as this link gives it.
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  await symlink(
    join(import.meta.dirname, '..', '..', 'node_modules', '@astrojs', 'starlight', 'node_modules', 'js-yaml'),
    join(dir, 'node_modules', 'js-yaml'),
  );
}
