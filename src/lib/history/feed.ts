import { KIND_NAME, ROW_TAG, diffRows } from '../diff/describe.ts';
import { plainTitle } from '../site/inline-title.ts';
import type { RoadmapDiff } from '../diff/types.ts';
import type { Links } from '../site/links.ts';
import { entryAnchor, entryTitle } from './group.ts';
import type { HistoryEntry } from './history.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  /** The same lines as HTML, for readers that show `content:encoded`. */
  content: string;
}

/** RSS items for the most recent changes: one per change, linking to it on /changes/. */
export function feedItems(entries: HistoryEntry[], links: Links, max = 50): FeedItem[] {
  return entries.slice(0, max).map((entry) => {
    const lines = diffLines(entry.diff);
    return {
      title: plainTitle(entryTitle(entry)),
      link: links.absolute(`changes/#${entryAnchor(entry)}`),
      pubDate: new Date(entry.date),
      description: lines.join('\n'),
      content: `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    };
  });
}

/** The diff as plain lines: `Published: Item “SSO”`, `Changed: Item “Search”: status: …`. */
export function diffLines(diff: RoadmapDiff): string[] {
  return diffRows(diff).map(
    (row) =>
      `${ROW_TAG[row.tag]}: ${KIND_NAME[row.ref.kind]} “${plainTitle(row.ref.title)}”${row.text ? `: ${row.text}` : ''}`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
