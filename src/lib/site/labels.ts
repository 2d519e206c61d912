import type {
  BacklogStatus,
  BacklogType,
  EntryBase,
  Horizon,
  ResolvedObjectiveStatus,
  RoadmapStatus,
} from '../model/types.ts';

/**
 * Every word the site shows for a value of the content model, and its plurals, in one place:
 * pages, images, the search index and the timeline all read them from here, so a status is
 * written the same everywhere ("Won't do", never "wont do"). This is the seam where
 * translations would go.
 */

export const HORIZON_LABEL: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

export const HORIZON_BLURB: Record<Horizon, string> = {
  now: 'Being built at the moment.',
  next: 'Starting by the end of next quarter.',
  later: 'Further out, or not yet scheduled.',
};

export const STATUS_LABEL: Record<RoadmapStatus, string> = {
  exploring: 'Exploring',
  planned: 'Planned',
  'in-progress': 'In progress',
  shipped: 'Shipped',
  paused: 'Paused',
  cancelled: 'Cancelled',
};

export const OBJECTIVE_STATUS_LABEL: Record<ResolvedObjectiveStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  achieved: 'Achieved',
  missed: 'Missed',
  dropped: 'Dropped',
  'not-measured': 'Not measured',
};

export const BACKLOG_STATUS_LABEL: Record<BacklogStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

export const BACKLOG_TYPE_LABEL: Record<BacklogType, string> = {
  story: 'Story',
  defect: 'Defect',
  task: 'Task',
  spike: 'Spike',
};

export const KIND_LABEL: Record<EntryBase['kind'], string> = {
  mission: 'Mission',
  vision: 'Vision',
  strategy: 'Strategy',
  objective: 'Objective',
  roadmap: 'Roadmap item',
  backlog: 'Backlog item',
  wiki: 'Wiki page',
};

/** `1 item`, `2 items`; `many` for words whose plural is not `one` + s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A list read as a sentence: `a`, `a and b`, `a, b and c`. */
export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
