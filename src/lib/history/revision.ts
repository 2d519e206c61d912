import { type Diagnostic, formatDiagnostic, hasErrors } from '../content/diagnostics.ts';
import { classify, loadContent } from '../content/load.ts';
import type { ContentSource } from '../content/source.ts';
import { type SiteView, audienceView } from '../model/audience.ts';
import type { IsoDate } from '../model/dates.ts';
import { resolveContent } from '../model/resolve.ts';
import type { Audience, Content } from '../model/types.ts';
import { CairnError } from '../errors.ts';

/** The content folder at one revision: missing there, not valid there, or loaded. */
export type RevisionState =
  { status: 'absent' } | { status: 'invalid'; diagnostics: Diagnostic[] } | { status: 'ok'; content: Content };

/**
 * Loads a content folder from any source. A folder with no content files (none of site.yaml,
 * mission, vision, strategy/, objectives/, roadmap/, backlog/, wiki/) is `absent`, not invalid:
 * it is how a revision from before the roadmap existed looks, also when the repository root
 * is the content folder and holds other files.
 */
export async function loadRevision(source: ContentSource): Promise<RevisionState> {
  const files = await source.list();
  if (!files.some((path) => classify(path) !== null)) return { status: 'absent' };
  const { content, diagnostics } = await loadContent(source);
  if (!content || hasErrors(diagnostics)) return { status: 'invalid', diagnostics };
  return { status: 'ok', content };
}

/**
 * The audience's view of a loaded revision (null where the folder is absent). This goes
 * through `audienceView`, like every page: diffs and history never see raw content.
 */
export function revisionView(state: RevisionState, today: IsoDate, audience: Audience): SiteView | null {
  if (state.status === 'absent') return null;
  if (state.status === 'invalid') throw new RevisionContentError('', state.diagnostics);
  return audienceView(resolveContent(state.content, today), audience);
}

/** Content at a revision that does not validate; the message lists the loader's diagnostics. */
export class RevisionContentError extends CairnError {
  override name = 'RevisionContentError';
  readonly diagnostics: Diagnostic[];
  constructor(revision: string, diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `The content${revision ? ` at ${revision}` : ''} does not validate (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n` +
        errors.map(formatDiagnostic).join('\n'),
    );
    this.diagnostics = diagnostics;
  }
}
