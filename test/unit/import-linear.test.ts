import { describe, expect, it } from 'vitest';
import { unguard } from '../../src/lib/import/linear.ts';
import { NO_IMPORT_SETTINGS } from '../../src/lib/import/settings.ts';
import { csv, exportText, item, messages, run } from './import-helpers.ts';

describe('a Linear CSV export, 30-column shape with rows one field short', () => {
  const outcome = run('linear', exportText('linear-30.csv'));

  it('imports each issue by its identifier and skips archived rows, saying so', () => {
    expect(outcome.items.map((i) => i.id)).toEqual(['MOB-1', 'MOB-2', 'MOB-3', 'MOB-5', 'MOB-6', 'MOB-7', 'MOB-8']);
    expect(outcome.skipped).toEqual([{ id: 'MOB-4', reason: 'archived' }]);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("maps Linear's default workflow names without configuration", () => {
    expect(item(outcome, 'MOB-1')?.status).toBe('in-progress'); // In Progress
    expect(item(outcome, 'MOB-2')?.status).toBe('todo'); // Todo
    expect(item(outcome, 'MOB-3')?.status).toBe('wont-do'); // Canceled
    expect(item(outcome, 'MOB-5')?.status).toBe('todo'); // Backlog
    expect(item(outcome, 'MOB-6')?.status).toBe('in-progress'); // In Review
    expect(item(outcome, 'MOB-8')?.status).toBe('todo'); // Triage
  });

  it("reads a team's own state from the dates Linear keeps, with a warning giving the site.yaml line", () => {
    expect(item(outcome, 'MOB-7')?.status).toBe('todo');
    expect(messages(outcome)).toContain(
      'warning export.csv:9: row 8, Status: MOB-7: status "Ready for Design" is in no map; read as todo from its empty Started, Completed and Canceled dates. ' +
        'To say so in site.yaml: import: { statusMap: { "Ready for Design": todo } }',
    );
  });

  it('makes an issue labelled Bug a defect and any other a story', () => {
    expect(item(outcome, 'MOB-2')?.type).toBe('defect'); // "Bug, Android"
    expect(item(outcome, 'MOB-1')?.type).toBe('story');
  });

  it('removes the quote that guards a formula, and keeps one that is part of the title', () => {
    expect(item(outcome, 'MOB-5')?.title).toBe('=SUM(A1:A3) shows as a formula');
    expect(item(outcome, 'MOB-8')?.title).toBe("'Til the end: keep the author's quote");
  });

  it('links through the Project name, else through the parent issue', () => {
    expect(item(outcome, 'MOB-1')?.epic).toBe('mobile');
    expect(item(outcome, 'MOB-6')?.epic).toBe('mobile'); // no project; parent MOB-1 is in Mobile app
    expect(outcome.unmatched).toEqual([{ key: 'Growth experiments', title: null, items: 1 }]);
  });

  it('keeps the cycle as sprint (its name, else "Cycle <number>"), the estimate as points, the assignee as owner', () => {
    expect(item(outcome, 'MOB-1')).toMatchObject({ sprint: 'Cycle 12', points: 3, owners: ['ana@acme.example'] });
    expect(item(outcome, 'MOB-6')).toMatchObject({ sprint: 'Sync week', points: 2 });
    expect(item(outcome, 'MOB-3')).toMatchObject({ sprint: null, points: null, owners: [] });
  });
});

describe('other Linear export shapes', () => {
  it('reads the 34-column shape, every field quoted, CRLF', () => {
    const outcome = run('linear', exportText('linear-34.csv'));
    expect(outcome.items).toEqual([
      {
        id: 'MOB-9',
        title: 'Sign in with a passkey',
        type: 'story',
        status: 'done',
        epic: 'mobile',
        sprint: 'Cycle 13',
        points: 3,
        owners: ['ana@acme.example'],
      },
      {
        id: 'MOB-10',
        title: 'Passkey sign-in, again',
        type: 'story',
        status: 'wont-do',
        epic: 'mobile',
        sprint: null,
        points: null,
        owners: [],
      },
      {
        id: 'MOB-11',
        title: 'Haptics on pull to refresh, "subtle"',
        type: 'story',
        status: 'todo',
        epic: null,
        sprint: null,
        points: 0.5,
        owners: [],
      },
    ]);
  });

  it('reads an older 29-column export the same way', () => {
    const outcome = run('linear', exportText('linear-29.csv'));
    expect(outcome.items.map((i) => [i.id, i.status, i.epic])).toEqual([
      ['MOB-1', 'in-progress', 'mobile'],
      ['MOB-2', 'todo', 'mobile'],
    ]);
  });

  it('finds columns by name in any order, with only the required ones', () => {
    const outcome = run('linear', csv('Status,Title,ID', 'Done,Ship it,ENG-1'));
    expect(item(outcome, 'ENG-1')).toMatchObject({ title: 'Ship it', status: 'done', type: 'story', epic: null });
  });
});

describe("a team's own names in site.yaml", () => {
  const header = 'ID,Title,Status,Labels,Started,Completed,Canceled';

  it('maps a state through statusMap before any default', () => {
    const outcome = run('linear', csv(header, 'ENG-1,A,Todo,,,,'), {
      settings: { statusMap: { Todo: 'in-progress' }, typeMap: {} },
    });
    expect(item(outcome, 'ENG-1')?.status).toBe('in-progress');
  });

  it('reads a custom state as started, completed or canceled from its dates', () => {
    const outcome = run(
      'linear',
      csv(
        header,
        'ENG-1,A,QA,,2026-11-01T00:00:00Z,,',
        'ENG-2,B,Shipped,,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,',
        'ENG-3,C,Dropped,,,,2026-11-03T00:00:00Z',
      ),
      { settings: NO_IMPORT_SETTINGS },
    );
    expect(outcome.items.map((i) => i.status)).toEqual(['in-progress', 'done', 'wont-do']);
    expect(outcome.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it('gives the type through typeMap on labels', () => {
    const outcome = run('linear', csv(header, 'ENG-1,A,Todo,"Frontend, Spike",,,'), {
      settings: { statusMap: {}, typeMap: { spike: 'spike' } },
    });
    expect(item(outcome, 'ENG-1')?.type).toBe('spike');
  });
});

describe('what a Linear export gets wrong', () => {
  it('names the missing columns', () => {
    expect(messages(run('linear', csv('Key,Name', 'A,B')))).toEqual([
      'error export.csv:1: (header): is not a Linear CSV export: missing columns "ID", "Title", "Status" (its header: Key, Name)',
    ]);
  });

  it('reports a row without an ID', () => {
    expect(messages(run('linear', csv('ID,Title,Status', ',Nameless,Todo')))).toEqual([
      'error export.csv:2: row 2, ID: is empty; expected the issue identifier (e.g. ENG-12): a row without one cannot be imported',
    ]);
  });

  it('reports a state it cannot read when the export has no dates to tell', () => {
    expect(messages(run('linear', csv('ID,Title,Status', 'ENG-1,A,Parked'), { settings: NO_IMPORT_SETTINGS }))).toEqual(
      [
        'error export.csv:2: row 2, Status: ENG-1: got "Parked", which no status map covers; map it in site.yaml: import: { statusMap: { Parked: todo } } (or in-progress, done, wont-do)',
      ],
    );
  });
});

describe('the formula guard', () => {
  it('is removed before =, +, - and @ only', () => {
    expect(['=1+2', '+44 20', '-3', '@home', "'quoted'", "it's"].map((v) => unguard(`'${v}`))).toEqual([
      '=1+2',
      '+44 20',
      '-3',
      '@home',
      "''quoted'",
      "'it's",
    ]);
  });
});
