import { describe, expect, it } from 'vitest';
import { alignment, objectiveItems, objectiveTree } from '../../src/lib/model/alignment.ts';
import { audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience } from '../../src/lib/model/types.ts';
import { content, item, objective } from './helpers/content.ts';

const world = content({
  objectives: [
    objective('adoption', { title: 'Grow adoption', period: '2027' }),
    objective('onboarding', { title: 'Onboard in a day', period: '2027-H1', parent: 'adoption' }),
    objective('docs', { title: 'Docs people find', period: '2027-H2', parent: 'adoption' }),
    objective('search', { title: 'Search the docs', period: '2027-H2', parent: 'docs' }),
    objective('secret', { title: 'Secret goal', parent: 'adoption', visibility: 'internal' }),
    objective('alone', { title: 'Alone' }),
  ],
  roadmap: [
    item('guide', { objectives: ['onboarding'] }),
    item('index', { objectives: ['search'] }),
    item('hidden-work', { objectives: ['secret'], visibility: 'internal' }),
  ],
});
const view = (audience: Audience) => audienceView(resolveContent(world, '2026-11-21'), audience);

describe('the objective alignment tree', () => {
  it('puts children under their parent, by period then title', () => {
    const tree = objectiveTree(view('public'));
    const shape = (nodes: ReturnType<typeof objectiveTree>): unknown[] =>
      nodes.map((n) => (n.children.length ? [n.objective.id, shape(n.children)] : n.objective.id));
    expect(shape(tree)).toEqual(['alone', ['adoption', ['onboarding', ['docs', ['search']]]]]);
  });

  it('counts the roadmap items of a parent’s descendants as serving the parent', () => {
    expect(
      objectiveItems(view('public'), 'adoption')
        .map((i) => i.id)
        .sort(),
    ).toEqual(['guide', 'index']);
    expect(objectiveItems(view('public'), 'docs').map((i) => i.id)).toEqual(['index']);
  });

  it('does not list a parent served only through its children as an objective with no roadmap item', () => {
    expect(alignment(view('public')).objectivesWithoutItems.map((o) => o.id)).toEqual(['alone']);
  });

  it('leaves internal children and their work out of a public tree', () => {
    expect(JSON.stringify(objectiveTree(view('public')))).not.toContain('secret');
    expect(objectiveItems(view('internal'), 'adoption').map((i) => i.id)).toContain('hidden-work');
  });

  it('puts an objective whose parent is not among those shown at the top', () => {
    const v = view('public');
    const tree = objectiveTree(v, [v.objective('docs')!, v.objective('search')!]);
    expect(tree.map((n) => n.objective.id)).toEqual(['docs']);
    expect(tree[0]!.children.map((n) => n.objective.id)).toEqual(['search']);
  });
});
