import { type BuildConfig, readBuildConfig } from '../config.ts';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../content/diagnostics.ts';
import { checkBodies } from '../content/bodies.ts';
import { loadContent } from '../content/load.ts';
import { diskSource, relativeLabel } from '../content/source.ts';
import { type SiteView, audienceView, pageEntries } from '../model/audience.ts';
import { resolveContent } from '../model/resolve.ts';
import { type Links, backlogAnchor, makeLinks } from '../site/links.ts';
import { buildShared } from './build-shared.ts';
import { CairnError } from '../errors.ts';
import type { Content, EntryBase } from '../model/types.ts';

/** Everything a build renders from: the audience's view and how to link within it. */
export interface SiteData {
  config: BuildConfig;
  /** The audience's view: the only model pages may render. */
  view: SiteView;
  links: Links;
  /** Which content files hold a body Astro must render for this audience. */
  renderedFiles: string[];
  /** Page paths of entries this audience may not see: links to them from bodies are errors. */
  hiddenPaths: Set<string>;
  /** Content files of entries with a page that this audience may not see (their history is hidden too). */
  hiddenFiles: string[];
  /** Row anchors (`item-<id>`, lower-cased) of backlog items this audience may not see. */
  hiddenAnchors: Set<string>;
  /** How messages name the content folder. */
  contentLabel: string;
  diagnostics: Diagnostic[];
}

/** Content that did not validate; its message lists every problem, one per line. */
export class ContentError extends CairnError {
  override name = 'ContentError';
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the content; no site was written:\n` +
        errors.map(formatDiagnostic).join('\n'),
    );
    this.diagnostics = diagnostics;
  }
}

/** A content folder read and validated, and the audience's view of it: what checks start from. */
export interface LoadedSite {
  config: BuildConfig;
  content: Content;
  view: SiteView;
  links: Links;
  contentLabel: string;
  diagnostics: Diagnostic[];
}

/** Reads and validates the content and works out the audience's view; bodies are not read yet. */
export async function loadSite(
  env: Record<string, string | undefined>,
  projectRoot: string,
  now: Date,
): Promise<LoadedSite> {
  const first = readBuildConfig(env, projectRoot, now);
  const contentLabel = relativeLabel(projectRoot, first.contentDir);
  const source = diskSource(first.contentDir, contentLabel);
  const { content, diagnostics } = await loadContent(source);
  if (!content || hasErrors(diagnostics)) throw new ContentError(diagnostics);
  // Now that site.yaml is known, its `url` gives the base path when ROADMAP_BASE does not.
  const config = readBuildConfig(env, projectRoot, now, content.site.url);
  const view = audienceView(resolveContent(content, config.today), config.audience);
  const links = makeLinks(config.base, view.site.url, { preview: config.compareBase !== null });
  return { config, content, view, links, contentLabel, diagnostics };
}

/**
 * The site data of a loaded site, once every body it renders compiles and is safe to publish.
 * `astroRoot` is the Astro project's root, against which Vite resolves `/`-rooted imports:
 * Cairn's own package root when the command runs it, so these checks resolve as the bundler's
 * guard does.
 */
export async function checkSite(loaded: LoadedSite, astroRoot: string): Promise<SiteData> {
  const { config, content, view, links, contentLabel, diagnostics } = loaded;
  const rendered = renderedFiles(view);
  // Compiled here with the build's compiler, so a bad body stops the build with a diagnostic.
  const bodyProblems = await checkBodies(rendered, {
    contentDir: config.contentDir,
    contentLabel,
    projectRoot: astroRoot,
    ...(config.audience === 'public' ? { links: bodyLinkTargets(content, view, links, config.base) } : {}),
  });
  if (bodyProblems.length) throw new ContentError([...diagnostics, ...bodyProblems]);
  return {
    config,
    view,
    links,
    renderedFiles: rendered,
    hiddenPaths: hiddenPaths(content, view, links),
    hiddenAnchors: hiddenAnchors(content, view),
    hiddenFiles: hiddenFiles(content, view),
    contentLabel,
    diagnostics,
  };
}

/** `loadSite` then `checkSite`. */
export async function buildSiteData(
  env: Record<string, string | undefined>,
  projectRoot: string,
  now: Date,
  astroRoot: string = projectRoot,
): Promise<SiteData> {
  return checkSite(await loadSite(env, projectRoot, now), astroRoot);
}

/**
 * What links in the bodies of `view`'s entries may not reach (everything of an entry the view
 * leaves out), and where each of those bodies is shown: for `checkBodies`.
 */
export function bodyLinkTargets(content: Content, view: SiteView, links: Links, base: string) {
  const pageOf = new Map(
    pageEntries(view).map((e) => [e.file, decodeURI(links.entryPath(e.kind, e.id)).toLowerCase()] as const),
  );
  return {
    base,
    siteUrl: view.site.url,
    hidden: { pages: hiddenPaths(content, view, links), anchors: hiddenAnchors(content, view) },
    pageOf,
  };
}

function renderedFiles(view: SiteView): string[] {
  const visible: EntryBase[] = [...pageEntries(view), ...view.backlog];
  return visible
    .filter((e) => e.hasBody)
    .map((e) => e.file)
    .sort();
}

function hiddenPaths(content: Content, view: SiteView, links: Links): Set<string> {
  const shown = new Set(pageEntries(view).map((e) => `${e.kind}\0${e.id}`));
  return new Set(
    pageEntries(content)
      .filter((e) => !shown.has(`${e.kind}\0${e.id}`))
      .map((e) => decodeURI(links.entryPath(e.kind, e.id)).toLowerCase()),
  );
}

function hiddenFiles(content: Content, view: SiteView): string[] {
  const shown = new Set(pageEntries(view).map((e) => e.file));
  return pageEntries(content)
    .map((e) => e.file)
    .filter((file) => !shown.has(file))
    .sort();
}

function hiddenAnchors(content: Content, view: SiteView): Set<string> {
  const shown = new Set(view.backlog.map((b) => b.id));
  return new Set(content.backlog.filter((b) => !shown.has(b.id)).map((b) => backlogAnchor(b.id).toLowerCase()));
}

const shared = buildShared('siteData', () => buildSiteData(process.env, process.cwd(), new Date()));

/** Hands the build script's load to Astro's modules: a 1,000-item site is read once, not four times. */
export const shareSiteData = (data: SiteData): void => shared.share(data);

/**
 * The site data for this process, from the environment's build switches. Computed once:
 * every page of a build renders from the same load, and "today" cannot change mid-build.
 * Only the dev server replaces it (src/integrations/dev-reload.ts), after a content change:
 * pages read it per request, so they render the current one.
 */
export const siteData = (): Promise<SiteData> => shared.get();
