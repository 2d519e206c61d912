import { type Diagnostic, hasErrors } from '../content/diagnostics.ts';
import { GITHUB, parseGithub } from './github.ts';
import { JIRA, parseJira } from './jira.ts';
import { LINEAR, parseLinear } from './linear.ts';
import { type ImportedItem, mapRecords, type UnmatchedEpic } from './mapping.ts';
import { type MergeResult, OWNED_FIELDS, mergeBacklog } from './merge.ts';
import type { ImportSettings } from './settings.ts';
import { type TrackedItem, trackerIndex } from './trackers.ts';
import type { Source, SourceDefaults, SourceParse } from './types.ts';

const SOURCES: Record<
  Source,
  { name: string; parse: (text: string, file: string) => SourceParse; defaults: SourceDefaults }
> = {
  jira: { name: 'Jira', parse: parseJira, defaults: JIRA },
  linear: { name: 'Linear', parse: parseLinear, defaults: LINEAR },
  github: { name: 'GitHub Projects', parse: parseGithub, defaults: GITHUB },
};

export interface ImportInput {
  source: Source;
  /** The export's text and how messages name its file. */
  text: string;
  file: string;
  settings: ImportSettings;
  /** Roadmap items and their `tracker`s, which give imported items their epic. */
  roadmap: readonly TrackedItem[];
  /** The backlog file's current text (null: it does not exist yet), and how messages name it. */
  existing: string | null;
  outFile: string;
}

export interface ImportOutcome {
  /** Problems with the export, the maps or the backlog file; any error means nothing is written. */
  diagnostics: Diagnostic[];
  items: ImportedItem[];
  unmatched: UnmatchedEpic[];
  skipped: { id: string; reason: string }[];
  /** What the backlog file becomes; null when there are errors. */
  merge: MergeResult | null;
}

/** An export in, the backlog file's new text out: no file system, no clock, so tests reach all of it. */
export function importExport(input: ImportInput): ImportOutcome {
  const source = SOURCES[input.source];
  const parsed = source.parse(input.text, input.file);
  // Rows a source could read are mapped even when others could not, so one run reports every problem.
  const mapped = mapRecords(parsed, source.defaults, input.settings, trackerIndex(input.roadmap), input.file);
  const diagnostics = [...parsed.diagnostics, ...mapped.diagnostics];
  const outcome: ImportOutcome = {
    diagnostics,
    items: mapped.items,
    unmatched: mapped.unmatched,
    skipped: parsed.skipped,
    merge: null,
  };
  if (hasErrors(diagnostics)) return outcome;
  const header =
    ` Backlog items imported from ${source.name} by \`cairn import ${input.source}\`, sorted by id.\n` +
    ` A re-import rewrites ${OWNED_FIELDS.join(', ')} from the export;\n` +
    ` other fields (notes, visibility, updated, ...) and comments are kept.`;
  const merged = mergeBacklog(input.existing, mapped.items, header);
  if (!merged.ok) {
    diagnostics.push({
      severity: 'error',
      file: input.outFile,
      ...(merged.line ? { line: merged.line } : {}),
      field: '(file)',
      message: merged.message,
    });
    return outcome;
  }
  outcome.merge = merged.result;
  return outcome;
}

export const sourceName = (source: Source): string => SOURCES[source].name;
