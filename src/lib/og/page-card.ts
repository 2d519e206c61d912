import type { SiteView } from '../model/audience.ts';
import type { SearchEntry } from '../search/entries.ts';

export interface PageCard {
  kind: string;
  detail: string;
  accent: string | null;
}

/**
 * What a page's Open Graph card shows besides its title: the page's own description when it
 * gives one, else its search metadata (kind, status, theme colour), else a plain page.
 */
export function cardMeta(
  view: SiteView,
  title: string,
  search: SearchEntry | null,
  card: { kind: string; detail?: string; accent?: string } | null,
): PageCard {
  if (card) return { kind: card.kind, detail: card.detail ?? '', accent: card.accent ?? null };
  if (search) {
    const theme = search.meta.theme ? view.theme(search.meta.theme) : undefined;
    const detail = [search.meta.status, search.meta.theme].filter(Boolean).join(' · ');
    return { kind: search.meta.kind, detail, accent: theme?.color ?? null };
  }
  return { kind: title, detail: '', accent: null };
}
