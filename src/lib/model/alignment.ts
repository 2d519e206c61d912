import type { BacklogView, ItemView, ObjectiveView, SiteView } from './audience.ts';

/**
 * Gaps in the chain objectives -> roadmap -> backlog, from what a view can see. An item whose
 * only objectives are hidden from this audience serves something, so it is not listed as
 * serving nothing; everything else is judged on visible entries only.
 */
export interface Alignment {
  /** Objectives no visible roadmap item serves. */
  objectivesWithoutItems: ObjectiveView[];
  /** Roadmap items that serve no objective at all, whatever their status. */
  itemsWithoutObjectives: ItemView[];
  /** Roadmap items with no visible backlog behind them; shipped and cancelled items are left out. */
  itemsWithoutBacklog: ItemView[];
  /** Visible backlog items that name no epic. */
  orphans: BacklogView[];
}

const byTitle = <T extends { title: string; id: string }>(a: T, b: T) =>
  a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function alignment(view: SiteView): Alignment {
  return {
    objectivesWithoutItems: view.objectives.filter((o) => o.items.length === 0).sort(byTitle),
    itemsWithoutObjectives: view.roadmap
      .filter((i) => i.objectives.length === 0 && i.hiddenObjectiveCount === 0)
      .sort(byTitle),
    itemsWithoutBacklog: view.roadmap
      .filter((i) => i.status !== 'shipped' && i.status !== 'cancelled' && !view.backlogByEpic.get(i.id)?.length)
      .sort(byTitle),
    orphans: [...view.orphanBacklog].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
  };
}
