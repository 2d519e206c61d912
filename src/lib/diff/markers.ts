import { describeEntry } from './describe.ts';
import { isSlip } from './diff.ts';
import type { RoadmapDiff } from './types.ts';

/**
 * What a preview build marks on roadmap items: one marker per changed item, the most
 * telling one when several apply (new, then slipped, then status changed, then moved).
 */
export type Marker = 'new' | 'slipped' | 'status' | 'moved';

export interface ItemMarker {
  marker: Marker;
  /** Short visible text: `New`, `Slipped`, `Status changed`, `Moved`. */
  label: string;
  /** The whole change in a sentence, for a tooltip and screen readers. */
  detail: string;
}

export const MARKER_LABEL: Record<Marker, string> = {
  new: 'New',
  slipped: 'Slipped',
  status: 'Status changed',
  moved: 'Moved',
};

/** Roadmap item id -> marker, from a diff of the build's own audience. */
export function itemMarkers(diff: RoadmapDiff): Map<string, ItemMarker> {
  const markers = new Map<string, ItemMarker>();
  const set = (id: string, marker: Marker, detail: string) =>
    markers.set(id, { marker, label: MARKER_LABEL[marker], detail });
  for (const entry of diff.added) {
    if (entry.kind === 'roadmap')
      set(entry.id, 'new', diff.audience === 'public' ? 'New on the public roadmap' : 'New item');
  }
  for (const entry of diff.changed) {
    if (entry.kind !== 'roadmap') continue;
    const types = new Set(entry.changes.map((c) => c.type));
    const detail = describeEntry(entry);
    if (entry.changes.some(isSlip)) set(entry.id, 'slipped', detail);
    else if (types.has('status')) set(entry.id, 'status', detail);
    else if (types.has('horizon') || types.has('dates') || types.has('theme')) set(entry.id, 'moved', detail);
  }
  return markers;
}
