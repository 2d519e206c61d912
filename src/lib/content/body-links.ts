/** A link to a site path (`/roadmap/sso/`) written in a Markdown/MDX body. */
export interface BodyLink {
  href: string;
  /** Line in the whole file. */
  line: number;
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * Root-relative links in a body: Markdown links and references, and `href`/`src` attributes
 * of HTML or JSX. Code (fenced blocks and inline spans) is skipped: a link shown as code is
 * not a link. `firstLine` is the file line the body starts on.
 */
export function bodyLinks(body: string, firstLine: number): BodyLink[] {
  const text = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
  const patterns = [
    /\]\(\s*<?(\/(?!\/)[^)\s>]*)/g,
    /^[ \t]*\[[^\]\n]+\]:[ \t]*<?(\/(?!\/)[^\s>]+)/gm,
    /\b(?:href|src)\s*=\s*["'{]?\s*["']?(\/(?!\/)[^"'\s}]*)/g,
  ];
  const links: BodyLink[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const line = firstLine + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
      // A malformed % escape is reported by the body check (bodies.ts); it names no page.
      if (decodes(match[1]!)) links.push({ href: match[1]!, line });
    }
  }
  return links.sort((a, b) => a.line - b.line || a.href.localeCompare(b.href));
}

function decodes(href: string): boolean {
  try {
    decodeURI(href);
    return true;
  } catch {
    return false;
  }
}
