import { type BuildConfig, readBuildConfig } from '../config.ts';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../content/diagnostics.ts';
import { loadContent } from '../content/load.ts';
import { diskSource, relativeLabel } from '../content/source.ts';
import { type SiteView, audienceView } from '../model/audience.ts';
import { resolveContent } from '../model/resolve.ts';
import { type Links, makeLinks } from '../site/links.ts';

/** Everything a build renders from: the audience's view and how to link within it. */
export interface SiteData {
  config: BuildConfig;
  /** The audience's view: the only model pages may render. */
  view: SiteView;
  links: Links;
  /** Which content files hold a body Astro must render for this audience. */
  renderedFiles: string[];
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

export async function buildSiteData(env: Record<string, string | undefined>, projectRoot: string, now: Date): Promise<SiteData> {
  const config = readBuildConfig(env, projectRoot, now);
  const source = diskSource(config.contentDir, relativeLabel(projectRoot, config.contentDir));
  const { content, diagnostics } = await loadContent(source);
  if (!content || hasErrors(diagnostics)) throw new ContentError(diagnostics);
  const view = audienceView(resolveContent(content, config.today), config.audience);
  return {
    config,
    view,
    links: makeLinks(config.base, view.site.url),
    renderedFiles: renderedFiles(view),
    diagnostics,
  };
}

function renderedFiles(view: SiteView): string[] {
  const visible = [
    view.mission,
    view.vision,
    ...view.strategy,
    ...view.objectives,
    ...view.roadmap,
    ...view.wiki,
    ...view.backlog,
  ];
  return visible.filter((e) => e !== null && e.hasBody).map((e) => e!.file).sort();
}

let cached: Promise<SiteData> | undefined;

/**
 * The site data for this process, from the environment's build switches. Computed once:
 * every page of a build renders from the same load, and "today" cannot change mid-build.
 */
export function siteData(): Promise<SiteData> {
  cached ??= buildSiteData(process.env, process.cwd(), new Date());
  return cached;
}
