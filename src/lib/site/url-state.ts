/**
 * Filter state kept in a page's query string, so a filtered view is a link people can share:
 * `/search/?q=sso&theme=Trust`, `/roadmap/?theme=Trust&status=planned`. Runs in the browser
 * (search page, roadmap list) and in tests; no DOM here.
 */

export interface UrlState {
  /** The search words (`q`); empty when none. */
  q: string;
  /** Selected values by filter name, only names that have at least one value. */
  filters: Record<string, string[]>;
}

/** Reads `q` and the named filters (each may repeat: `?team=A&team=B`) from a query string. */
export function readUrlState(search: string, names: readonly string[]): UrlState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of names) {
    const values = [
      ...new Set(
        params
          .getAll(name)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) filters[name] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/**
 * The query string for a state, `?`-prefixed, or `''` when nothing is selected. Filters are
 * written in the order of `names`, values sorted, so one view always has one URL; parameters
 * that are not Cairn's (say `utm_source`) are kept as they were.
 */
export function writeUrlState(state: UrlState, names: readonly string[], previous = ''): string {
  const params = new URLSearchParams(previous);
  params.delete('q');
  for (const name of names) params.delete(name);
  const out = new URLSearchParams();
  if (state.q.trim()) out.set('q', state.q.trim());
  for (const name of names) {
    for (const value of [...(state.filters[name] ?? [])].sort()) out.append(name, value);
  }
  for (const [key, value] of params) out.append(key, value);
  const text = out.toString();
  return text ? `?${text}` : '';
}

/**
 * The value among `available` that a value from a URL means: exact first, then ignoring case,
 * spaces and punctuation, so `?status=in-progress` finds "In progress". Null when none does.
 */
export function matchValue(value: string, available: readonly string[]): string | null {
  if (available.includes(value)) return value;
  const key = loose(value);
  return available.find((a) => loose(a) === key) ?? null;
}

function loose(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
