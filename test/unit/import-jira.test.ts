import { describe, expect, it } from 'vitest';
import { NO_IMPORT_SETTINGS } from '../../src/lib/import/settings.ts';
import { csv, exportText, item, messages, run } from './import-helpers.ts';

describe('a Jira CSV export (Jira Cloud, all fields: BOM, CRLF, repeated columns)', () => {
  const outcome = run('jira', exportText('jira.csv'));

  it('imports every issue but the epics, keyed by issue key', () => {
    expect(outcome.items.map((i) => i.id)).toEqual([
      'PLAT-2',
      'PLAT-3',
      'PLAT-4',
      'PLAT-5',
      'PLAT-6',
      'PLAT-7',
      'PLAT-8',
      'PLAT-9',
    ]);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a summary with commas as written, and the first column even with a BOM before it', () => {
    expect(item(outcome, 'PLAT-2')?.title).toBe('SAML login for Okta, Azure AD and Google');
  });

  it('takes the last of the repeated Sprint columns, and story points from the custom field', () => {
    expect(item(outcome, 'PLAT-2')).toMatchObject({ sprint: 'PLAT Sprint 2', points: 5 });
    expect(item(outcome, 'PLAT-7')).toMatchObject({ sprint: 'PLAT Sprint 3', points: 8 });
    expect(item(outcome, 'PLAT-3')?.points).toBe(2); // written 2.0
    expect(item(outcome, 'PLAT-4')).toMatchObject({ sprint: null, points: null });
  });

  it('maps Bug to defect, Story to story, Sub-task to task, Spike to spike, and a type through typeMap', () => {
    expect(item(outcome, 'PLAT-3')?.type).toBe('defect');
    expect(item(outcome, 'PLAT-2')?.type).toBe('story');
    expect(item(outcome, 'PLAT-5')?.type).toBe('task');
    expect(item(outcome, 'PLAT-9')?.type).toBe('spike');
    expect(item(outcome, 'PLAT-6')?.type).toBe('story'); // Improvement, by site.yaml
  });

  it('makes a story labelled bug a defect', () => {
    expect(item(outcome, 'PLAT-8')?.type).toBe('defect');
  });

  it("reads the status with its resolution: Done resolved as Won't Do is wont-do", () => {
    expect(item(outcome, 'PLAT-3')?.status).toBe('done');
    expect(item(outcome, 'PLAT-4')?.status).toBe('wont-do');
    expect(item(outcome, 'PLAT-2')?.status).toBe('in-progress');
    expect(item(outcome, 'PLAT-9')?.status).toBe('todo'); // Selected for Development
    expect(item(outcome, 'PLAT-5')?.status).toBe('in-progress'); // Ready for QA, by site.yaml
  });

  it('reads a status no map names from its Status Category, with a warning giving the site.yaml line', () => {
    expect(item(outcome, 'PLAT-7')?.status).toBe('in-progress');
    expect(messages(outcome)).toContain(
      'warning export.csv:11: row 10, Status: PLAT-7: status "In QA" is in no map; read as in-progress from its Status Category "In Progress". ' +
        'To say so in site.yaml: import: { statusMap: { "In QA": in-progress } }',
    );
  });

  it("resolves the parent, given as the parent's numeric Issue id, to its key and to the roadmap item tracking it", () => {
    expect(item(outcome, 'PLAT-2')?.epic).toBe('sso'); // tracker: PLAT-1
    expect(item(outcome, 'PLAT-4')?.epic).toBe('search'); // tracker: the Jira URL of PLAT-20
  });

  it("gives a sub-task its story's epic", () => {
    expect(item(outcome, 'PLAT-5')?.epic).toBe('sso');
  });

  it('reports a parent no roadmap item tracks once, with how many items it holds, and imports them as orphans', () => {
    expect(outcome.unmatched).toEqual([{ key: 'PLAT-30', title: 'Mobile offline mode', items: 2 }]);
    expect(item(outcome, 'PLAT-7')?.epic).toBeNull();
    expect(item(outcome, 'PLAT-8')?.epic).toBeNull();
    expect(item(outcome, 'PLAT-9')?.epic).toBeNull(); // no parent at all: not reported
  });

  it('takes the assignee as owner', () => {
    expect(item(outcome, 'PLAT-5')?.owners).toEqual(['Tomás Ortega']);
    expect(item(outcome, 'PLAT-6')?.owners).toEqual([]);
  });
});

describe('an older Jira export (Epic Link, Parent id, other column order, LF, no BOM)', () => {
  const outcome = run('jira', exportText('jira-epic-link.csv'));

  it('links through Custom field (Epic Link), a key', () => {
    expect(item(outcome, 'PLAT-11')).toMatchObject({ epic: 'sso', status: 'done', sprint: 'PLAT Sprint 2', points: 3 });
  });

  it("resolves a sub-task's Parent id through the Issue id column and gives it its story's epic", () => {
    expect(item(outcome, 'PLAT-12')).toMatchObject({
      epic: 'sso',
      type: 'task',
      status: 'todo',
      sprint: 'PLAT Sprint 2',
    });
  });

  it('makes Closed with resolution Duplicate wont-do', () => {
    expect(item(outcome, 'PLAT-13')?.status).toBe('wont-do');
  });
});

describe('the Jira Server "all fields" shape (Parent id, six Sprint columns, Epic Link among many custom fields)', () => {
  const header = [
    'Summary,Issue key,Issue id,Parent id,Issue Type,Status,Project key,Project name,Priority,Resolution,Assignee,Reporter',
    'Created,Updated,Σ Original Estimate,Custom field (Epic Colour),Custom field (Epic Link),Custom field (Epic Name)',
    'Custom field (Epic Status),Custom field (Rank),Sprint,Sprint,Sprint,Sprint,Sprint,Sprint,Custom field (Story Points),Comment',
  ].join(',');
  const text = csv(
    header,
    'Single sign-on,PLAT-1,10001,,Epic,Open,PLAT,Platform,Major,,,Dana,01/Sep/26 9:00 AM,01/Sep/26 9:00 AM,,ghx-label-2,,SSO,To Do,0|i00001:,,,,,,,,',
    'Audit log,PLAT-11,10011,,Story,Resolved,PLAT,Platform,Major,Fixed,Priya,Dana,01/Sep/26 9:00 AM,01/Sep/26 9:00 AM,,,10001,,,0|i00002:,S1,S2,S3,S4,S5,S6,8,',
    'Export it,PLAT-12,10012,10011,Sub-task,Open,PLAT,Platform,Minor,,,Dana,01/Sep/26 9:00 AM,01/Sep/26 9:00 AM,,,,,,0|i00003:,S6,,,,,,,',
  );
  const outcome = run('jira', text);

  it('takes the last of six Sprint columns and resolves an Epic Link given as an Issue id', () => {
    expect(item(outcome, 'PLAT-11')).toMatchObject({ sprint: 'S6', points: 8, epic: 'sso', status: 'done' });
  });

  it("gives the sub-task named by Parent id its story's epic", () => {
    expect(item(outcome, 'PLAT-12')).toMatchObject({ epic: 'sso', type: 'task', sprint: 'S6' });
  });
});

describe('what a Jira export gets wrong', () => {
  const header = 'Issue key,Issue id,Summary,Issue Type,Status,Parent';

  it('names the required columns a file lacks', () => {
    const outcome = run('jira', csv('Key,Title,Status', 'PLAT-1,A,To Do'));
    expect(messages(outcome)).toEqual([
      'error export.csv:1: (header): is not a Jira CSV export: missing columns "Issue key", "Summary", "Issue Type" (its header: Key, Title, Status)',
    ]);
    expect(outcome.merge).toBeNull();
  });

  it('reports a Linear export given as a Jira one', () => {
    const outcome = run('jira', exportText('linear-30.csv'));
    expect(messages(outcome)[0]).toMatch(
      /^error export\.csv:1: \(header\): is not a Jira CSV export: missing columns "Issue key", "Summary", "Issue Type"/,
    );
  });

  it('reports a row without a key by its row and line, and writes nothing', () => {
    const outcome = run('jira', csv(header, 'PLAT-1,1,Fine,Story,To Do,', ',2,No key here,Story,To Do,'));
    expect(messages(outcome)).toEqual([
      "error export.csv:3: row 3, Issue key: is empty; expected the issue's key (e.g. PLAT-12): a row without a key cannot be imported",
    ]);
    expect(outcome.merge).toBeNull();
  });

  it('reports a status no map covers with the row, the column and the site.yaml line that maps it', () => {
    const outcome = run(
      'jira',
      csv(header, 'PLAT-1,1,A,Story,Waiting for vendor,', 'PLAT-2,2,B,Story,Ready for Release,'),
      {
        settings: NO_IMPORT_SETTINGS,
      },
    );
    expect(messages(outcome)).toEqual([
      'error export.csv:2: row 2, Status: PLAT-1: got "Waiting for vendor", which no status map covers; map it in site.yaml: ' +
        'import: { statusMap: { "Waiting for vendor": todo } } (or in-progress, done, wont-do)',
      'error export.csv:3: row 3, Status: PLAT-2: got "Ready for Release", which no status map covers; map it in site.yaml: ' +
        'import: { statusMap: { "Ready for Release": todo } } (or in-progress, done, wont-do)',
    ]);
  });

  it('reports a type no map covers with the typeMap line', () => {
    const outcome = run('jira', csv(header, 'PLAT-1,1,A,Improvement,To Do,'), { settings: NO_IMPORT_SETTINGS });
    expect(messages(outcome)).toEqual([
      'error export.csv:2: row 2, Issue Type: PLAT-1: got "Improvement", which no type map covers; map it in site.yaml: ' +
        'import: { typeMap: { Improvement: story } } (or defect, task, spike)',
    ]);
  });

  it('matches site.yaml map keys and default names ignoring case', () => {
    const outcome = run('jira', csv(header, 'PLAT-1,1,A,improvement,READY FOR QA,'));
    expect(item(outcome, 'PLAT-1')).toMatchObject({ type: 'story', status: 'in-progress' });
  });

  it('reports a key given twice', () => {
    const outcome = run('jira', csv(header, 'PLAT-1,1,A,Story,To Do,', 'PLAT-1,2,B,Story,To Do,'));
    expect(messages(outcome)).toEqual([
      'error export.csv:3: row 3, id: duplicate key "PLAT-1", also at row 2; expected each item once',
    ]);
  });

  it('reports a parent Issue id that is not in the export as that id, once, with its items', () => {
    const outcome = run('jira', csv(header, 'PLAT-1,1,A,Story,To Do,99', 'PLAT-2,2,B,Story,To Do,99'));
    expect(outcome.unmatched).toEqual([{ key: '99', title: null, items: 2 }]);
  });

  it('warns about story points that are not a number of at least 0 and imports the item without them', () => {
    const outcome = run(
      'jira',
      csv(`${header},Custom field (Story Points)`, 'PLAT-1,1,A,Story,To Do,,lots', 'PLAT-2,2,B,Story,To Do,,-1'),
    );
    expect(item(outcome, 'PLAT-1')?.points).toBeNull();
    expect(item(outcome, 'PLAT-2')?.points).toBeNull();
    expect(messages(outcome)).toEqual([
      'warning export.csv:2: row 2, Custom field (Story Points): got "lots"; expected a number of at least 0, so PLAT-1 is imported without points',
      'warning export.csv:3: row 3, Custom field (Story Points): got "-1"; expected a number of at least 0, so PLAT-2 is imported without points',
    ]);
  });

  it('reports text that is not CSV at all', () => {
    const outcome = run('jira', 'Issue key,Summary\n"PLAT-1,unclosed quote\n');
    expect(messages(outcome)[0]).toMatch(/^error export\.csv(:\d+)?: \(file\): cannot be read as CSV/);
  });
});
