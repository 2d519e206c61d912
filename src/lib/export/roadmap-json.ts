import type { SiteView } from '../model/audience.ts';
import type { Links } from '../site/links.ts';

/** The `/roadmap.json` document: only what the view holds, arrays sorted by id, stable key order. */
export function roadmapJson(view: SiteView, links: Links) {
  const byId = <T extends { id: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    site: { title: view.site.title, url: view.site.url ? links.absolute('') : null },
    today: view.today,
    items: byId(view.roadmap).map((item) => ({
      id: item.id,
      title: item.title,
      summary: item.summary,
      theme: item.theme,
      status: item.status,
      horizon: item.horizon,
      start: item.start,
      end: item.end,
      objectives: [...item.objectives].sort(),
      dependsOn: [...item.dependsOn].sort(),
      team: item.team,
      confidence: item.confidence,
      tags: item.tags,
      url: links.absolute(links.entryPath('roadmap', item.id)),
      // Beyond the spec's fields, after them: what the item was written with.
      period: item.period,
      owners: item.owners,
      tracker: item.tracker,
    })),
    objectives: byId(view.objectives).map((objective) => ({
      id: objective.id,
      title: objective.title,
      period: objective.period,
      start: objective.periodStart,
      end: objective.periodEnd,
      progress: round(objective.progress),
      status: objective.status,
      parent: objective.parent,
      keyResults: objective.keyResults.map((kr) =>
        kr.kind === 'measured'
          ? {
              title: kr.title,
              start: kr.start,
              target: kr.target,
              current: kr.current,
              unit: kr.unit,
              progress: round(kr.progress),
              kind: kr.kind,
            }
          : { title: kr.title, done: kr.done, progress: round(kr.progress), kind: kr.kind },
      ),
      owners: objective.owners,
    })),
  };
}

/**
 * Four decimals: enough for any chart, and free of float noise such as 0.30000000000000004.
 * Null (nothing measured yet) stays null: 0 would claim a measurement of no progress.
 */
const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
