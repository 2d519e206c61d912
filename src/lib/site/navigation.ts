import type { SiteView } from '../model/audience.ts';

export interface NavLink {
  label: string;
  path: string;
  current: boolean;
  /** Beside the chain rather than a step in it (the wiki). */
  aside: boolean;
}

/**
 * The chain from mission to backlog, in order, then the wiki (and, internally, the health page)
 * beside it. A foundation page the audience may not see is left out rather than linked to a
 * page that does not exist.
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
  const asides: [string, string, boolean][] = [
    ['Wiki', 'wiki/', true],
    ['Changes', 'changes/', true],
    // /health/ is written only for the internal build.
    ['Health', 'health/', view.audience === 'internal'],
  ];
  return [
    ...chain,
    ...asides
      .filter(([, , shown]) => shown)
      .map(([label, path]) => ({ label, path, current: isUnder(currentPath, path), aside: true })),
  ];
}

function isUnder(current: string, section: string): boolean {
  return current === section || current.startsWith(section);
}
