import type { Audience } from '../model/types.ts';
import { type DiffRow, KIND_NAME, type RowTag, diffRows, summaryText } from './describe.ts';
import type { EntryRef, RevisionInfo, RoadmapDiff } from './types.ts';

export interface MarkdownOptions {
  /** Root URL of a preview build of the head: entries link to their page there. */
  previewUrl?: string | null;
  /** Which audience the preview was built for: only entries it shows are linked. Default public. */
  previewAudience?: Audience;
}

const AUDIENCE_NAME: Record<Audience, string> = { public: 'Public site', internal: 'Internal site' };

/** Text safe inside a Markdown paragraph or list item (GitHub-flavoured). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function revisionText(rev: RevisionInfo): string {
  if (!rev.commit) return rev.rev;
  const short = rev.commit.slice(0, 7);
  return rev.rev === rev.commit || rev.rev.startsWith(short) ? `\`${short}\`` : `\`${escapeCode(rev.rev)}\` (${short})`;
}

const escapeCode = (text: string) => text.replace(/`/g, "'");

/**
 * The diff as a pull-request comment: a summary line, then per audience the entries that get
 * published first, then added, removed and changed entries. With more than one audience, the
 * first (public) is open and the others are folded.
 */
export function diffMarkdown(diffs: RoadmapDiff[], options: MarkdownOptions = {}): string {
  const first = diffs[0];
  if (!first) return '';
  const root = options.previewUrl ? options.previewUrl.replace(/\/+$/, '') + '/' : null;
  const lines: string[] = [];
  lines.push('### Roadmap changes');
  lines.push('');
  lines.push(
    `${revisionText(first.base)} → ${revisionText(first.head)}: ` +
      diffs.map((d) => `**${AUDIENCE_NAME[d.audience]}:** ${summaryText(d)}`).join(' · '),
  );
  // What gets published is said before anything else: it is the change that cannot be taken back.
  const publishing = (diffs.find((d) => d.audience === 'public') ?? first).becamePublic;
  if (publishing.length) {
    lines.push('');
    lines.push(
      `**Publishes:** ${publishing
        .map(
          (e) =>
            `${KIND_NAME[e.kind]} “${escapeMarkdown(e.title)}”${e.reason === 'made-public' ? ' (made public, was internal)' : e.reason === 'new' ? ' (new)' : ''}`,
        )
        .join(', ')}`,
    );
  }
  if (root) {
    lines.push('');
    lines.push(`[Preview the site](${root}) · [What this change does](${root}changes/preview/)`);
  }
  diffs.forEach((diff, index) => {
    const body = audienceSection(diff, root, options.previewAudience ?? 'public');
    lines.push('');
    if (diffs.length > 1 && index > 0) {
      lines.push(
        `<details><summary><strong>${AUDIENCE_NAME[diff.audience]}</strong>: ${escapeHtml(summaryText(diff))}</summary>`,
      );
      lines.push('');
      lines.push(...body);
      lines.push('');
      lines.push('</details>');
    } else {
      lines.push(`#### ${AUDIENCE_NAME[diff.audience]}`);
      lines.push('');
      lines.push(...body);
    }
  });
  return `${lines.join('\n')}\n`;
}

function audienceSection(diff: RoadmapDiff, root: string | null, previewAudience: Audience): string[] {
  const linkable = (ref: EntryRef) => root !== null && (previewAudience === 'internal' || ref.visibility === 'public');
  const name = (ref: EntryRef, present = true) => {
    const text = escapeMarkdown(ref.title);
    return present && linkable(ref) ? `[${text}](${root}${ref.path})` : `**${text}**`;
  };
  const kind = (ref: EntryRef) => KIND_NAME[ref.kind];
  const out: string[] = [];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    out.push(`**${title}**`);
    out.push('');
    out.push(...items.map((i) => `- ${i}`));
    out.push('');
  };
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    out.push('No changes.');
    return out;
  }
  const rows = diffRows(diff);
  const of = (...tags: RowTag[]) => rows.filter((row) => tags.includes(row.tag));
  const line = (row: DiffRow) => {
    const internal = row.ref.visibility === 'internal' && diff.audience === 'internal' ? ' (internal)' : '';
    const text = row.tag === 'made-public' ? 'made public (was internal)' : row.text;
    return `${kind(row.ref)} ${name(row.ref, row.present)}${internal}${text ? `: ${escapeMarkdown(text)}` : ''}`;
  };
  section(
    diff.audience === 'public' ? 'Published: newly visible to everyone' : 'Becomes public',
    of('published', 'made-public').map(line),
  );
  section('Added', of('added').map(line));
  section('Removed', of('removed').map(line));
  section('Changed', of('changed').map(line));
  while (out.at(-1) === '') out.pop();
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
