import type { ContentSource } from '../../../src/lib/content/source.ts';

/** A content folder held in memory: paths (`/`-separated, relative to the folder) to file text. */
export function memorySource(files: Record<string, string>, label = 'content'): ContentSource {
  return {
    label,
    list: async () => Object.keys(files).sort(),
    read: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`memorySource: no file ${path}`);
      return text;
    },
  };
}

/** Markdown with YAML frontmatter: `doc('title: X\nstatus: planned', 'Body')`. */
export function doc(frontmatter: string, body = ''): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}
