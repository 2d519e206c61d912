import { slug } from 'github-slugger';
import { type ThemeMark, assignThemeColours } from './theme-palette.ts';
import type { IsoDate } from './dates.ts';
import type { Resolved, ResolvedContent, ResolvedItem, ResolvedObjective } from './resolve.ts';
import type {
  Audience,
  BacklogItem,
  EntryBase,
  Mission,
  SiteSettings,
  StrategyDoc,
  Vision,
  WikiPage,
} from './types.ts';

/**
 * The one place that decides what an audience may see. Every page, feed, JSON file and
 * image is made from a `SiteView`, never from the full content: an entry a view leaves
 * out cannot leak, and every count, relation and total in a view is computed from the
 * entries it kept. A visible entry's references to hidden ones survive only as counts
 * on that entry ("1 internal objective"), never as ids or titles.
 */

export interface ThemeView {
  id: string;
  slug: string;
  color: string;
  /** The second cue beside the colour (the marker's shape), for when colours repeat. */
  mark: ThemeMark;
  description: string | null;
  /** Declared in site.yaml (ordered and coloured there) rather than only used by items. */
  declared: boolean;
}

export interface ItemView extends ResolvedItem {
  /** Visible objectives this item serves. */
  objectives: string[];
  hiddenObjectiveCount: number;
  /** Visible items this one depends on. */
  dependsOn: string[];
  hiddenDependencyCount: number;
  /** Visible items that depend on this one. */
  dependents: string[];
}

export interface ObjectiveView extends ResolvedObjective {
  parent: string | null;
  hiddenParent: boolean;
  /** Visible objectives whose parent this is. */
  children: string[];
  /** Visible roadmap items that serve this objective. */
  items: string[];
}

export interface BacklogView extends Resolved<BacklogItem> {
  epic: string | null;
  /** The item belongs to an epic this audience may not see. */
  hiddenEpic: boolean;
}

export interface SiteView {
  audience: Audience;
  today: IsoDate;
  site: Omit<SiteSettings, 'themes'>;
  /** Themes of the visible roadmap items: declared ones in site.yaml order, then the rest by name. */
  themes: ThemeView[];
  mission: Resolved<Mission> | null;
  vision: Resolved<Vision> | null;
  strategy: Resolved<StrategyDoc>[];
  objectives: ObjectiveView[];
  roadmap: ItemView[];
  backlog: BacklogView[];
  wiki: Resolved<WikiPage>[];
  /** Visible backlog items by the id of their (visible) epic. */
  backlogByEpic: Map<string, BacklogView[]>;
  /** Visible backlog items with no epic at all. */
  orphanBacklog: BacklogView[];
  item(id: string): ItemView | undefined;
  objective(id: string): ObjectiveView | undefined;
  theme(id: string): ThemeView | undefined;
}

interface PageCollections {
  mission: EntryBase | null;
  vision: EntryBase | null;
  strategy: EntryBase[];
  objectives: EntryBase[];
  roadmap: EntryBase[];
  wiki: EntryBase[];
}

/**
 * The entries that have a page of their own (every kind but backlog items), in route order,
 * of a view or of the whole content.
 */
export function pageEntries<V extends PageCollections>(
  v: V,
): (
  | NonNullable<V['mission']>
  | NonNullable<V['vision']>
  | V['strategy'][number]
  | V['objectives'][number]
  | V['roadmap'][number]
  | V['wiki'][number]
)[] {
  return [
    ...(v.mission ? [v.mission as NonNullable<V['mission']>] : []),
    ...(v.vision ? [v.vision as NonNullable<V['vision']>] : []),
    ...v.strategy,
    ...v.objectives,
    ...v.roadmap,
    ...v.wiki,
  ];
}

export function canSee(audience: Audience, entry: Pick<EntryBase, 'visibility'>): boolean {
  return audience === 'internal' || entry.visibility === 'public';
}

export function audienceView(content: ResolvedContent, audience: Audience): SiteView {
  const see = <T extends EntryBase>(list: T[]) => list.filter((entry) => canSee(audience, entry));

  const objectivesSeen = see(content.objectives);
  const itemsSeen = see(content.roadmap);
  const objectiveIds = new Set(objectivesSeen.map((o) => o.id));
  const itemIds = new Set(itemsSeen.map((i) => i.id));

  const roadmap: ItemView[] = itemsSeen.map((item) => {
    const objectives = item.objectives.filter((id) => objectiveIds.has(id));
    const dependsOn = item.dependsOn.filter((id) => itemIds.has(id));
    return {
      ...item,
      objectives,
      hiddenObjectiveCount: item.objectives.length - objectives.length,
      dependsOn,
      hiddenDependencyCount: item.dependsOn.length - dependsOn.length,
      dependents: itemsSeen.filter((other) => other.dependsOn.includes(item.id)).map((other) => other.id),
    };
  });

  const objectives: ObjectiveView[] = objectivesSeen.map((objective) => {
    const parentVisible = objective.parent !== null && objectiveIds.has(objective.parent);
    return {
      ...objective,
      parent: parentVisible ? objective.parent : null,
      hiddenParent: objective.parent !== null && !parentVisible,
      children: objectivesSeen.filter((o) => o.parent === objective.id).map((o) => o.id),
      items: itemsSeen.filter((i) => i.objectives.includes(objective.id)).map((i) => i.id),
    };
  });

  const backlog: BacklogView[] = see(content.backlog).map((entry) => {
    const epicVisible = entry.epic !== null && itemIds.has(entry.epic);
    return { ...entry, epic: epicVisible ? entry.epic : null, hiddenEpic: entry.epic !== null && !epicVisible };
  });
  const backlogByEpic = new Map<string, BacklogView[]>();
  for (const entry of backlog) {
    if (entry.epic) backlogByEpic.set(entry.epic, [...(backlogByEpic.get(entry.epic) ?? []), entry]);
  }

  const themes = themeViews(content.site, roadmap, audience);
  const { themes: _declared, ...site } = content.site;
  const itemsById = new Map(roadmap.map((i) => [i.id, i]));
  const objectivesById = new Map(objectives.map((o) => [o.id, o]));
  const themesById = new Map(themes.map((t) => [t.id, t]));

  return {
    audience,
    today: content.today,
    site,
    themes,
    mission: canSee(audience, content.mission) ? content.mission : null,
    vision: canSee(audience, content.vision) ? content.vision : null,
    strategy: sortByOrder(see(content.strategy)),
    objectives,
    roadmap,
    backlog,
    wiki: sortByOrder(see(content.wiki)),
    backlogByEpic,
    orphanBacklog: backlog.filter((b) => b.epic === null && !b.hiddenEpic),
    item: (id) => itemsById.get(id),
    objective: (id) => objectivesById.get(id),
    theme: (id) => themesById.get(id),
  };
}

/**
 * A public build lists only themes that visible items use, so a theme planned only for
 * internal work stays unnamed; the internal build also shows declared themes with no items.
 */
function themeViews(site: SiteSettings, items: ItemView[], audience: Audience): ThemeView[] {
  const used = new Set(items.map((i) => i.theme));
  const declared = site.themes.filter((t) => audience === 'internal' || used.has(t.id));
  const declaredIds = new Set(site.themes.map((t) => t.id));
  const others = [...used].filter((id) => !declaredIds.has(id)).sort((a, b) => a.localeCompare(b, 'en'));
  const all = [
    ...declared.map((t) => ({ id: t.id, color: t.color, description: t.description, declared: true })),
    ...others.map((id) => ({ id, color: null, description: null, declared: false })),
  ];
  const slugs = new Set<string>();
  // Colours follow the order this view shows: a hidden theme takes no colour, so a public
  // site's colours say nothing about how many internal themes there are.
  const colours = assignThemeColours(all);
  return all.map((t, i) => {
    // A name with no letters or digits, or one that slugs like another, gets a suffix from
    // its own name, so its address does not depend on which other themes this build shows.
    let themeSlug = themeSlugOf(t.id) || `theme-${nameHash(t.id)}`;
    if (slugs.has(themeSlug)) themeSlug = `${themeSlug}-${nameHash(t.id)}`;
    slugs.add(themeSlug);
    return { ...t, slug: themeSlug, ...colours[i]! };
  });
}

/** A theme's address segment: `Beyond the &` is `beyond-the`, not `beyond-the-`. */
export function themeSlugOf(name: string): string {
  return slug(name)
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A small stable number from a name (31-multiplier string hash). */
function nameHash(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) >>> 0;
  return hash;
}

function sortByOrder<T extends { order: number | null; title: string; id: string }>(list: T[]): T[] {
  return [...list].sort(
    (a, b) =>
      (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) ||
      a.title.localeCompare(b.title, 'en') ||
      (a.id < b.id ? -1 : 1),
  );
}
