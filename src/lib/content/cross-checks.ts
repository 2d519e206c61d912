import type { Entry, EntryBase, Objective, RoadmapItem } from '../model/types.ts';
import { type Diagnostic, formatPath, showValue } from './diagnostics.ts';
import type { BodyLink } from './body-links.ts';
import { makeLinks } from '../site/links.ts';

/** An entry with where it was written, so problems found across entries can point back to a line. */
export interface Located {
  entry: EntryBase;
  /** The file as messages name it. */
  file: string;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Where the entry sits inside its file: `[3]` for the fourth item of a backlog list. */
  fieldPrefix: PropertyKey[];
  /** Root-relative links written in the entry's body. */
  links: BodyLink[];
}

const COLLECTION_NAME: Record<string, string> = {
  strategy: 'strategy document',
  objective: 'objective',
  roadmap: 'roadmap item',
  backlog: 'backlog item',
  wiki: 'wiki page',
};

/**
 * Ids of every objective and roadmap item a content folder defines, valid or not: an entry
 * with an error of its own is reported once, not again by everything that refers to it.
 */
export interface ExistingIds {
  objective: Set<string>;
  roadmap: Set<string>;
  /** Page paths (`roadmap/sso/`) of every entry that has a page, valid or not. */
  pages: Set<string>;
}

/** Checks that need more than one entry: duplicate ids, dangling references, cycles. */
export function checkCrossReferences(located: Located[], existing: ExistingIds): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (at: Located, path: PropertyKey[], value: unknown, message: string) => {
    diagnostics.push({
      severity: 'error',
      file: at.file,
      line: path.length || at.fieldPrefix.length ? at.lineOf(path) : undefined,
      field: formatPath([...at.fieldPrefix, ...path]),
      value,
      message,
    });
  };

  // Duplicate ids, per collection (backlog ids are one namespace across all backlog files).
  const byKey = new Map<string, Located[]>();
  for (const at of located) {
    if (at.entry.kind === 'mission' || at.entry.kind === 'vision') continue;
    // Backlog list ids keep their case (CAIRN-12) while file ids are lower-cased, so compare
    // without case: `CAIRN-12` in a list and `backlog/cairn-12.md` are the same id to a reader.
    const key = `${at.entry.kind}\0${at.entry.id.toLowerCase()}`;
    byKey.set(key, [...(byKey.get(key) ?? []), at]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const first = group[0]!;
    for (const dup of group.slice(1)) {
      const isList = dup.fieldPrefix.length > 0;
      error(
        dup,
        isList ? ['id'] : [],
        dup.entry.id,
        `duplicate ${COLLECTION_NAME[dup.entry.kind]} id ${showValue(dup.entry.id)}, already used in ${first.file}${
          first.fieldPrefix.length ? `:${first.lineOf(['id']) ?? ''}` : ''
        }; expected ids unique${dup.entry.kind === 'backlog' ? ' across the whole backlog' : ''}`,
      );
    }
  }

  const objectiveIds = existing.objective;
  const roadmapIds = existing.roadmap;
  const dangling = (at: Located, path: PropertyKey[], ref: string, kind: string, known: Set<string>) => {
    if (!known.has(ref)) {
      error(
        at,
        path,
        ref,
        `no ${COLLECTION_NAME[kind]} has the id ${showValue(ref)}; expected one of: ${listIds(known)}`,
      );
    }
  };

  for (const at of located) {
    const entry = at.entry as Entry;
    if (entry.kind === 'roadmap') {
      entry.objectives.forEach((ref, i) => dangling(at, ['objectives', i], ref, 'objective', objectiveIds));
      entry.dependsOn.forEach((ref, i) => dangling(at, ['dependsOn', i], ref, 'roadmap', roadmapIds));
    } else if (entry.kind === 'objective' && entry.parent !== null) {
      dangling(at, ['parent'], entry.parent, 'objective', objectiveIds);
    } else if (entry.kind === 'backlog' && entry.epic !== null) {
      dangling(at, ['epic'], entry.epic, 'roadmap', roadmapIds);
    }
  }

  const roadmap = located.filter((l) => l.entry.kind === 'roadmap');
  for (const cycle of findCycles(roadmap, (e) => (e as RoadmapItem).dependsOn)) {
    const at = cycle.at;
    error(
      at,
      ['dependsOn'],
      (at.entry as RoadmapItem).dependsOn,
      `dependsOn cycle: ${cycle.path.join(' -> ')}; expected dependencies without cycles`,
    );
  }
  const objectives = located.filter((l) => l.entry.kind === 'objective');
  for (const cycle of findCycles(objectives, (e) => {
    const parent = (e as Objective).parent;
    return parent ? [parent] : [];
  })) {
    error(
      cycle.at,
      ['parent'],
      (cycle.at.entry as Objective).parent,
      `parent cycle: ${cycle.path.join(' -> ')}; expected objectives to form a tree`,
    );
  }
  diagnostics.push(...checkBodyLinks(located, existing.pages));
  return diagnostics;
}

const SECTIONS = ['mission/', 'vision/', 'strategy/', 'objectives/', 'roadmap/', 'wiki/'];

/**
 * Links between entries written in bodies. A public entry linking to an internal one would
 * publish the internal page's address (and lead nowhere) on the public site: an error. A
 * link to an entry page that does not exist is a warning.
 */
function checkBodyLinks(located: Located[], existingPages: Set<string>): Diagnostic[] {
  const links = makeLinks('/', null);
  const pages = new Map(
    located
      .filter((l) => l.entry.kind !== 'backlog')
      .map((l) => [decodeURI(links.entryPath(l.entry.kind, l.entry.id)).toLowerCase(), l.entry]),
  );
  const diagnostics: Diagnostic[] = [];
  for (const at of located) {
    for (const link of at.links) {
      const path = decodeURI(link.href.split(/[?#]/, 1)[0]!.replace(/^\/+/, '').replace(/\/?$/, '/')).toLowerCase();
      const target = pages.get(path);
      if (target) {
        if (at.entry.visibility === 'public' && target.visibility === 'internal') {
          diagnostics.push({
            severity: 'error',
            file: at.file,
            line: link.line,
            field: 'body',
            value: link.href,
            message: `links to ${showValue(link.href)}, the page of internal ${COLLECTION_NAME[target.kind] ?? target.kind} ${showValue(target.id)}; expected a public entry to link only to public pages (the public site would publish the address)`,
          });
        }
      } else if (!existingPages.has(path) && SECTIONS.some((section) => path.startsWith(section) && path !== section)) {
        diagnostics.push({
          severity: 'warning',
          file: at.file,
          line: link.line,
          field: 'body',
          value: link.href,
          message: `links to ${showValue(link.href)}, but no entry has that page`,
        });
      }
    }
  }
  return diagnostics;
}

function listIds(ids: Set<string>): string {
  const sorted = [...ids].sort();
  if (sorted.length === 0) return '(none exist)';
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}, ... (${sorted.length} in all)` : sorted.join(', ');
}

/**
 * Each distinct cycle once, as `a -> b -> c -> a`, reported at its alphabetically first entry
 * so the same content always gives the same message.
 */
export function findCycles(nodes: Located[], edges: (entry: EntryBase) => string[]): { at: Located; path: string[] }[] {
  const byId = new Map(nodes.map((n) => [n.entry.id, n]));
  const state = new Map<string, 'active' | 'done'>();
  const cycles = new Map<string, { at: Located; path: string[] }>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'active');
    stack.push(id);
    for (const next of edges(byId.get(id)!.entry)) {
      if (!byId.has(next)) continue;
      if (state.get(next) === 'active') {
        const loop = stack.slice(stack.indexOf(next));
        const startAt = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(startAt), ...loop.slice(0, startAt)];
        const key = rotated.join('\0');
        if (!cycles.has(key)) cycles.set(key, { at: byId.get(rotated[0]!)!, path: [...rotated, rotated[0]!] });
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...byId.keys()].sort()) if (!state.has(id)) visit(id);
  return [...cycles.values()];
}
