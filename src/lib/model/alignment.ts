import type { BacklogView, ItemView, ObjectiveView, SiteView } from './audience.ts';

/**
 * Gaps in the chain objectives -> roadmap -> backlog, from what a view can see. An item whose
 * only objectives are hidden from this audience serves something, so it is not listed as
 * serving nothing; everything else is judged on visible entries only.
 */
export interface Alignment {
  /** Objectives no visible roadmap item serves, directly or through an objective below them. */
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

/** The visible objectives below `id` in the alignment tree (children, their children, …). */
export function objectiveDescendants(view: SiteView, id: string): ObjectiveView[] {
  const out: ObjectiveView[] = [];
  const seen = new Set([id]);
  const queue = [...(view.objective(id)?.children ?? [])];
  while (queue.length) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const o = view.objective(next);
    if (!o) continue;
    out.push(o);
    queue.push(...o.children);
  }
  return out;
}

/**
 * The visible roadmap items serving an objective or any objective below it: a parent is
 * served by the work that serves its children. Its own items first, then its descendants'.
 */
export function objectiveItems(view: SiteView, id: string): ItemView[] {
  const ids = new Set([
    ...(view.objective(id)?.items ?? []),
    ...objectiveDescendants(view, id).flatMap((o) => o.items),
  ]);
  return [...ids].map((i) => view.item(i)).filter((i): i is ItemView => i !== undefined);
}

export interface ObjectiveNode {
  objective: ObjectiveView;
  children: ObjectiveNode[];
}

const byPeriodThenTitle = (a: ObjectiveView, b: ObjectiveView) =>
  a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd) || byTitle(a, b);

/**
 * The alignment tree of `objectives` (all visible ones by default): each under its parent
 * when the parent is among them, else at the top; siblings by period, then title.
 */
export function objectiveTree(view: SiteView, objectives: ObjectiveView[] = view.objectives): ObjectiveNode[] {
  const included = new Set(objectives.map((o) => o.id));
  const node = (o: ObjectiveView, path: Set<string>): ObjectiveNode => ({
    objective: o,
    children: o.children
      .filter((c) => included.has(c) && !path.has(c))
      .map((c) => view.objective(c)!)
      .sort(byPeriodThenTitle)
      .map((c) => node(c, new Set([...path, c.id]))),
  });
  return objectives
    .filter((o) => !o.parent || !included.has(o.parent))
    .sort(byPeriodThenTitle)
    .map((o) => node(o, new Set([o.id])));
}

export function alignment(view: SiteView): Alignment {
  return {
    // A parent whose children's work serves it is not an objective with no roadmap item.
    objectivesWithoutItems: view.objectives.filter((o) => objectiveItems(view, o.id).length === 0).sort(byTitle),
    itemsWithoutObjectives: view.roadmap
      .filter((i) => i.objectives.length === 0 && i.hiddenObjectiveCount === 0)
      .sort(byTitle),
    itemsWithoutBacklog: view.roadmap
      .filter((i) => i.status !== 'shipped' && i.status !== 'cancelled' && !view.backlogByEpic.get(i.id)?.length)
      .sort(byTitle),
    orphans: [...view.orphanBacklog].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
  };
}
