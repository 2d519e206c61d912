import { markdownToMdast } from 'satteri';

/**
 * Titles may carry inline Markdown (`code`, *emphasis*, **strong**). Pages render it; images,
 * SVG, feeds and page titles show the words without the marks; roadmap.json keeps the title
 * as written. Parsed by satteri (the Markdown parser Astro itself uses), not by hand.
 */

export type TitleSegment = { kind: 'text' | 'code' | 'emphasis' | 'strong'; text: string };

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

const cache = new Map<string, TitleSegment[]>();

function walk(node: Node, kind: TitleSegment['kind'], out: TitleSegment[]): void {
  if (node.type === 'inlineCode') out.push({ kind: 'code', text: node.value ?? '' });
  else if (node.type === 'text' || node.type === 'html') out.push({ kind, text: node.value ?? '' });
  else if (node.type === 'break') out.push({ kind, text: ' ' });
  else {
    const inner = node.type === 'emphasis' ? 'emphasis' : node.type === 'strong' ? 'strong' : kind;
    for (const child of node.children ?? []) walk(child, inner, out);
  }
}

/** A title as runs of plain text, inline code, emphasis and strong text. */
export function titleSegments(title: string): TitleSegment[] {
  const known = cache.get(title);
  if (known) return known;
  let segments: TitleSegment[] = [{ kind: 'text', text: title }];
  // Only inline marks count: a title read as a heading, list or quote (`1. Ship`, `# Q3`)
  // is shown as written.
  if (/[`*_]/.test(title)) {
    const root = markdownToMdast(title) as Node;
    const only = root.children?.length === 1 ? root.children[0]! : null;
    if (only?.type === 'paragraph') {
      const out: TitleSegment[] = [];
      walk(only, 'text', out);
      segments = out.reduce<TitleSegment[]>((merged, s) => {
        const last = merged.at(-1);
        if (last && last.kind === s.kind && s.kind !== 'code') last.text += s.text;
        else merged.push({ ...s });
        return merged;
      }, []);
    }
  }
  cache.set(title, segments);
  return segments;
}

/** A title without its Markdown marks, for images, SVG, feeds and the page's `<title>`. */
export function plainTitle(title: string): string {
  return titleSegments(title)
    .map((s) => s.text)
    .join('');
}
