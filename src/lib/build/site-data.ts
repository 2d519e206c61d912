import { type BuildConfig, readBuildConfig } from '../config.ts';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../content/diagnostics.ts';
import { loadContent } from '../content/load.ts';
import { diskSource, relativeLabel } from '../content/source.ts';
import { type SiteView, audienceView, pageEntries } from '../model/audience.ts';
import { resolveContent } from '../model/resolve.ts';
import { type Links, makeLinks } from '../site/links.ts';
import { buildShared } from './build-shared.ts';
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
  /** How messages name the content folder. */
  contentLabel: string;
  diagnostics: Diagnostic[];
}

/** Content that did not validate; its message lists every problem, one per line. */
export class ContentError extends Error {
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

export async function buildSiteData(
  env: Record<string, string | undefined>,
  projectRoot: string,
  now: Date,
): Promise<SiteData> {
  const config = readBuildConfig(env, projectRoot, now);
  const contentLabel = relativeLabel(projectRoot, config.contentDir);
  const source = diskSource(config.contentDir, contentLabel);
  const { content, diagnostics } = await loadContent(source);
  if (!content || hasErrors(diagnostics)) throw new ContentError(diagnostics);
  const view = audienceView(resolveContent(content, config.today), config.audience);
  const links = makeLinks(config.base, view.site.url);
  return {
    config,
    view,
    links,
    renderedFiles: renderedFiles(view),
    hiddenPaths: hiddenPaths(content, view, links),
    contentLabel,
    diagnostics,
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
