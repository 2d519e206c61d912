import type { SiteView } from '../model/audience.ts';
import type { Links } from '../site/links.ts';
import type { TimelineInput } from './layout.ts';
import { plainTitle } from '../site/inline-title.ts';

/**
 * The timeline's input from an audience view: dated items only (undated ones live on the
 * board), optionally one theme's, with the strategy milestones on the whole-roadmap one.
 */
export function timelineInput(
  view: SiteView,
  links: Links,
  options: { theme?: string; absoluteLinks?: boolean } = {},
): TimelineInput {
  const items = view.roadmap
    .filter((i) => i.start !== null && i.end !== null && (!options.theme || i.theme === options.theme))
    .map((i) => {
      const path = links.entryPath('roadmap', i.id);
      return {
        id: i.id,
        // Drawings show the words without Markdown marks.
        title: plainTitle(i.title),
        theme: i.theme,
        status: i.status,
        confidence: i.confidence,
        start: i.start!,
        end: i.end!,
        href: options.absoluteLinks ? links.absolute(path) : links.href(path),
      };
    });
  const ids = new Set(items.map((i) => i.id));
  return {
    items,
    themes: view.themes
      .filter((t) => !options.theme || t.id === options.theme)
      .map((t) => ({ id: t.id, color: t.color, mark: t.mark })),
    milestones: options.theme
      ? []
      : view.strategy.flatMap((doc) => doc.milestones.map((m) => ({ title: plainTitle(m.title), date: m.date }))),
    dependencies: view.roadmap
      .filter((i) => ids.has(i.id))
      .flatMap((i) => i.dependsOn.filter((to) => ids.has(to)).map((to) => ({ from: i.id, to }))),
    today: view.today,
    fiscalYearStartMonth: view.site.fiscalYearStartMonth,
  };
}
