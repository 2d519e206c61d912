// The sticky pull-request comment of a preview, composed by trusted code from the default
// branch. `diff` is the Markdown that `npm run diff` (also from the default branch) made of
// the pull request's content, read as data: titles in it are already escaped; this also
// stops mentions and bounds the size. Nothing the pull request's build wrote is ever read.

export const MARKER = '<!-- cairn-pr-preview -->';
/** GitHub refuses comments over 65,536 characters; stay well under. */
export const LIMIT = 60_000;

/** `@name` would notify someone; a zero-width space keeps the text and drops the ping. */
const quiet = (text) => text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b');

export function previewComment({ diff, url, sha, waiting = null, limit = LIMIT }) {
  const head = [
    MARKER,
    url
      ? `**Preview:** ${url} (commit \`${String(sha).slice(0, 7)}\`)`
      : `**Preview:** not deployed (commit \`${String(sha).slice(0, 7)}\`)`,
    ...(waiting ? ['', waiting] : []),
    '',
  ].join('\n');
  let body = quiet(String(diff ?? ''));
  const room = limit - head.length - 200;
  if (body.length > room) {
    const cut = body.lastIndexOf('\n', room);
    body = `${body.slice(0, cut > 0 ? cut : room)}\n\n_The diff is longer than a comment allows; run \`npm run diff\` locally for all of it._`;
  }
  return `${head}\n${body}`;
}

export const removedComment = () => `${MARKER}\nThe preview was removed when the pull request was closed.`;
