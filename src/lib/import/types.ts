import type { Diagnostic } from '../content/diagnostics.ts';
import type { BacklogStatus, BacklogType } from '../model/types.ts';

export const SOURCES = ['jira', 'linear', 'github'] as const;
export type Source = (typeof SOURCES)[number];

export const isSource = (name: string): name is Source => (SOURCES as readonly string[]).includes(name);

/** A value read from the export, with the column (or JSON field) it came from, for messages. */
export interface Cell {
  value: string;
  column: string;
}

/** Where a record is in the export: `row 6` of a CSV (the header is row 1), or `items[3]` of a JSON. */
export interface Where {
  line?: number;
  row: string;
}

/**
 * One work item as a tracker exported it, before any mapping: what each source module reads,
 * and all that the shared mapping needs.
 */
export interface SourceRecord {
  id: string;
  title: string;
  /** The tracker's own type (Jira's `Issue Type`, GitHub's content type); null where it has none. */
  kind: Cell | null;
  labels: string[];
  status: Cell;
  /**
   * What the export says about the state besides its name (Jira's `Status Category`, Linear's
   * `Started`/`Completed`/`Canceled` dates): used, with a warning, when no map names the status.
   */
  stateHint: { status: BacklogStatus; from: string } | null;
  /** Jira's `Resolution`: a done item resolved as Won't Do is `wont-do`. */
  resolution: string | null;
  /** Keys that may name the item's epic in a roadmap item's `tracker`, the item's own first. */
  epicKeys: string[];
  /**
   * Other names of this item that another item's `epicKeys` may use (GitHub's issue URL): an
   * item whose parent is an item of the same export takes its parent's epic.
   */
  aliases: string[];
  sprint: string | null;
  points: number | null;
  owners: string[];
  at: Where;
}

/** What a source module makes of one export. */
export interface SourceParse {
  records: SourceRecord[];
  /** Titles of epics named in the export (Jira's Epic rows, `Parent summary`), for messages. */
  epicTitles: Map<string, string>;
  /** Items deliberately left out (draft issues, archived rows), with why. */
  skipped: { id: string; reason: string }[];
  diagnostics: Diagnostic[];
}

/** The tracker names that map without configuration, lower-cased. */
export interface SourceDefaults {
  label: string;
  statuses: Record<string, BacklogStatus>;
  types: Record<string, BacklogType>;
}
