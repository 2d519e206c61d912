/**
 * How a roadmap item's `tracker` and an exported item's epic key are compared: the same epic is
 * written many ways (`PLAT-12`, its Jira or Linear URL; a GitHub issue's URL or `owner/repo#12`),
 * so both sides are reduced to one canonical form first.
 */
export function canonicalKey(key: string): string {
  const value = key.trim();
  const url = URL.canParse(value) && /^https?:\/\//i.test(value) ? new URL(value) : null;
  if (url) {
    const parts = url.pathname.split('/').filter(Boolean);
    // github.com/<owner>/<repo>/issues/<n> (or /pull/<n>)
    if (parts.length >= 4 && (parts[2] === 'issues' || parts[2] === 'pull') && /^\d+$/.test(parts[3]!)) {
      return `${parts[0]}/${parts[1]}#${parts[3]}`.toLowerCase();
    }
    // <site>.atlassian.net/browse/PLAT-12, linear.app/<workspace>/issue/ENG-12/<slug>
    const marker = parts.findIndex((p) => p === 'browse' || p === 'issue');
    if (marker !== -1 && parts[marker + 1]) return parts[marker + 1]!.toLowerCase();
    const selected = url.searchParams.get('selectedIssue');
    if (selected) return selected.toLowerCase();
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  }
  return value.replace(/\s+/g, ' ').toLowerCase();
}

export interface TrackerIndex {
  /** The roadmap item whose tracker names `key`, if any. */
  find(key: string): string | undefined;
  /** Trackers that two roadmap items share: the first by id wins; the rest are reported. */
  conflicts: { tracker: string; items: string[]; file: string }[];
}

export interface TrackedItem {
  id: string;
  tracker: string | null;
  /** How messages name the item's file. */
  file: string;
}

export function trackerIndex(roadmap: readonly TrackedItem[]): TrackerIndex {
  const byKey = new Map<string, TrackedItem[]>();
  for (const item of [...roadmap].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!item.tracker) continue;
    const key = canonicalKey(item.tracker);
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return {
    find: (key) => byKey.get(canonicalKey(key))?.[0]?.id,
    conflicts: [...byKey]
      .filter(([, items]) => items.length > 1)
      .map(([tracker, items]) => ({ tracker, items: items.map((i) => i.id), file: items[1]!.file })),
  };
}
