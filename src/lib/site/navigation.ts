import type { SiteView } from '../model/audience.ts';

export interface NavLink {
  label: string;
  path: string;
  current: boolean;
  /** Beside the chain rather than a step in it (the wiki). */
  aside: boolean;
}

/**
 * The chain from mission to backlog, in order, then the wiki beside it. A foundation page the
 * audience may not see is left out rather than linked to a page that does not exist.
 */
export function navigation(view: SiteView, currentPath: string): NavLink[] {
  const steps: [string, string, boolean][] = [
    ['Mission', 'mission/', view.mission !== null],
    ['Vision', 'vision/', view.vision !== null],
    ['Strategy', 'strategy/', true],
    ['Objectives', 'objectives/', true],
    ['Roadmap', 'roadmap/', true],
    ['Backlog', 'backlog/', true],
  ];
  const chain = steps
    .filter(([, , shown]) => shown)
    .map(([label, path]) => ({ label, path, current: isUnder(currentPath, path), aside: false }));
  return [...chain, { label: 'Wiki', path: 'wiki/', current: isUnder(currentPath, 'wiki/'), aside: true }];
}

function isUnder(current: string, section: string): boolean {
  return current === section || current.startsWith(section);
}
