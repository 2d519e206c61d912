import type { ItemView, SiteView, ThemeView } from '../model/audience.ts';
import type { Horizon } from '../model/types.ts';
import { HORIZON_BLURB, HORIZON_LABEL } from './labels.ts';

/**
 * The now/next/later board, kept short at any size: each column groups its items by theme
 * (in the view's theme order) and shows the first few of each theme, with the count of the
 * rest, which the theme's own page lists. A column of 135 "now" items over 14 themes stays a
 * screen or two, and still says what each theme is working on.
 */

export interface BoardGroup {
  theme: ThemeView;
  /** The items shown, soonest first. */
  items: ItemView[];
  /** Items of this theme in this column that are not shown. */
  more: number;
  total: number;
}

export interface BoardColumn {
  horizon: Horizon;
  label: string;
  blurb: string;
  total: number;
  groups: BoardGroup[];
}

/** Items a theme shows per column before "N more": fewer when many themes share a column. */
export function itemsPerTheme(themes: number): number {
  return themes > 8 ? 2 : 3;
}

const soonestFirst = (a: ItemView, b: ItemView) =>
  (a.start ?? '9999').localeCompare(b.start ?? '9999') ||
  a.title.localeCompare(b.title, 'en') ||
  (a.id < b.id ? -1 : 1);

export function boardColumns(view: SiteView, perThemeOverride?: number): BoardColumn[] {
  return (['now', 'next', 'later'] as const).map((horizon) => {
    const items = view.roadmap.filter((i) => i.horizon === horizon);
    const themes = new Set(items.map((i) => i.theme)).size;
    const perTheme = perThemeOverride ?? itemsPerTheme(themes);
    const groups = view.themes
      .map((theme) => {
        const all = items.filter((i) => i.theme === theme.id).sort(soonestFirst);
        return { theme, items: all.slice(0, perTheme), more: Math.max(0, all.length - perTheme), total: all.length };
      })
      .filter((g) => g.total > 0);
    return { horizon, label: HORIZON_LABEL[horizon], blurb: HORIZON_BLURB[horizon], total: items.length, groups };
  });
}
