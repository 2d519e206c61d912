import { describe, expect, it } from 'vitest';
import { NO_IMPORT_SETTINGS } from '../../src/lib/import/settings.ts';
import { exportText, item, messages, run } from './import-helpers.ts';

/** One item as `gh project item-list --format json` writes it, with project fields added. */
const ghItem = (number: number | null, fields: Record<string, unknown> = {}, type = 'Issue') => ({
  content: {
    type,
    body: '',
    title: `Item ${number}`,
    ...(number === null
      ? {}
      : { number, repository: 'acme/beacon', url: `https://github.com/acme/beacon/issues/${number}` }),
  },
  id: `PVTI_${number}`,
  ...fields,
});
const gh = (...items: unknown[]) => JSON.stringify({ items, totalCount: items.length });

describe('the JSON of gh project item-list', () => {
  const outcome = run('github', exportText('github.json'));

  it('keys each issue and pull request <repository name>-<number>, and skips draft issues, saying so', () => {
    expect(outcome.items.map((i) => i.id)).toEqual([
      'beacon-12',
      'beacon-13',
      'beacon-14',
      'beacon-15',
      'beacon-web-2',
    ]);
    expect(outcome.skipped).toEqual([{ id: 'Quarterly billing?', reason: 'draft issues (no number to be an id)' }]);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('maps the default Status options, in any case, and an item without one to todo', () => {
    expect(outcome.items.map((i) => [i.id, i.status])).toEqual([
      ['beacon-12', 'in-progress'],
      ['beacon-13', 'todo'],
      ['beacon-14', 'in-progress'], // "In review"
      ['beacon-15', 'done'],
      ['beacon-web-2', 'todo'], // no status field
    ]);
  });

  it('makes an issue labelled bug a defect, a pull request a task and other issues stories', () => {
    expect(item(outcome, 'beacon-13')?.type).toBe('defect');
    expect(item(outcome, 'beacon-15')?.type).toBe('task');
    expect(item(outcome, 'beacon-12')?.type).toBe('story');
  });

  it("reads the iteration object's title as sprint and the lower-cased story Points field as points", () => {
    expect(item(outcome, 'beacon-12')).toMatchObject({ sprint: 'Sprint 7', points: 5, owners: ['octocat', 'hubot'] });
    expect(item(outcome, 'beacon-14')).toMatchObject({ sprint: null, points: null, owners: [] });
  });

  it('links through the epic field (a name or owner/repo#N), else through the parent issue URL', () => {
    expect(item(outcome, 'beacon-12')?.epic).toBe('billing'); // epic: Billing revamp
    expect(item(outcome, 'beacon-13')?.epic).toBe('beacon-alerts'); // acme/beacon#3 vs the issue URL
    expect(item(outcome, 'beacon-14')?.epic).toBe('onboarding'); // the parent's URL vs acme/beacon#40
    expect(outcome.unmatched).toEqual([{ key: 'Dark mode', title: null, items: 1 }]);
  });

  it('reads text that gh wrote HTML-escaped (\\u0026, \\u003c) as the characters it stands for', () => {
    const json =
      '{"items":[{"content":{"body":"","number":7,"repository":"acme/beacon","title":"Q\\u0026A \\u003cbeta\\u003e","type":"Issue",' +
      '"url":"https://github.com/acme/beacon/issues/7"},"id":"PVTI_7","status":"Todo"}],"totalCount":1}';
    expect(item(run('github', json), 'beacon-7')?.title).toBe('Q&A <beta>');
  });
});

describe('project fields as gh names them', () => {
  it('finds an Estimate number field and an iteration field of any name', () => {
    const outcome = run(
      'github',
      gh(ghItem(1, { estimate: 3, 'iteration 2': { title: 'Q4 wk 2', startDate: '2026-11-02', duration: 7 } })),
    );
    expect(item(outcome, 'beacon-1')).toMatchObject({ points: 3, sprint: 'Q4 wk 2' });
  });

  it('prefers a field called Sprint or Iteration over other iteration fields', () => {
    const outcome = run(
      'github',
      gh(
        ghItem(1, {
          'release train': { title: 'Train 9', startDate: '', duration: 28 },
          sprint: { title: 'Sprint 3', startDate: '', duration: 14 },
        }),
      ),
    );
    expect(item(outcome, 'beacon-1')?.sprint).toBe('Sprint 3');
  });

  it("gives an item whose parent is in the export its parent's epic", () => {
    const outcome = run(
      'github',
      gh(
        ghItem(1, { epic: 'Billing revamp' }),
        ghItem(2, { 'parent issue': 'https://github.com/acme/beacon/issues/1' }),
      ),
    );
    expect(item(outcome, 'beacon-2')?.epic).toBe('billing');
  });

  it('maps a custom Status option through statusMap, and reports one no map covers', () => {
    const mapped = run('github', gh(ghItem(1, { status: 'Blocked' })), {
      settings: { statusMap: { Blocked: 'in-progress' }, typeMap: {} },
    });
    expect(item(mapped, 'beacon-1')?.status).toBe('in-progress');
    expect(messages(run('github', gh(ghItem(1, { status: 'Blocked' })), { settings: NO_IMPORT_SETTINGS }))).toEqual([
      'error export.json:1: items[0].status: beacon-1: got "Blocked", which no status map covers; map it in site.yaml: import: { statusMap: { Blocked: in-progress } } (or todo, done, wont-do)',
    ]);
  });
});

describe('what a gh export gets wrong', () => {
  it('reports text that is not JSON', () => {
    expect(messages(run('github', 'ID,Title\n1,x\n'))[0]).toMatch(
      /^error export\.json:1: \(file\): is not JSON \(.+\); expected the JSON of `gh project item-list --format json`$/,
    );
  });

  it('reports JSON of another shape (gh project list)', () => {
    expect(messages(run('github', JSON.stringify({ projects: [], totalCount: 0 })))).toEqual([
      'error export.json:1: (file): is not the JSON of `gh project item-list --format json`: expected an object with an "items" list',
    ]);
  });

  it('reports an item without a repository', () => {
    const outcome = run('github', gh({ id: 'x', content: { type: 'Issue', number: 4, title: 'Lost' } }));
    expect(messages(outcome)).toEqual([
      "error export.json:1: items[0].content.repository: is missing; expected the issue's repository (owner/name), which names its id",
    ]);
  });
});
