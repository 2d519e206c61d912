import { type TempRepo, md, tempRepo } from './git.ts';

/**
 * "Harbor", a roadmap with a history: a project repository with its content in `content/`,
 * committed step by step at fixed dates. Every internal entry, and every commit subject that
 * touches one, carries the canary "zebra": a public build may contain it nowhere.
 * The fiscal year starts in April (2027-Q1 is April to June 2026).
 */
export interface Harbor {
  repo: TempRepo;
  content: string;
  /** Commit hashes by step name. */
  commits: Record<HarborStep, string>;
}

export type HarborStep = 'plan' | 'replan' | 'publish' | 'rename' | 'internal' | 'broken' | 'fixed';

const SITE = `title: Harbor Roadmap
description: Where Harbor is going.
url: https://harbor.example
defaultVisibility: internal
fiscalYearStartMonth: 4
staleAfterDays: 400
themes:
  - id: Reliability
  - id: Growth
`;

const item = (fields: Record<string, string>, body = '') =>
  md(
    Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    body,
  );

export async function harborRepo(): Promise<Harbor> {
  const repo = await tempRepo('cairn-harbor-');
  await repo.write({ 'README.md': '# Harbor\n' });
  const c = (path: string) => `content/${path}`;
  const commits = {} as Record<HarborStep, string>;

  await repo.write({
    [c('site.yaml')]: SITE,
    [c('mission.md')]: md('statement: Ships arrive safely.\nvisibility: public\nupdated: 2026-04-01'),
    [c('vision.md')]: md('statement: Every harbor runs itself.\nvisibility: public\nupdated: 2026-04-01'),
    [c('objectives/uptime.md')]: md(`title: Keep the harbor open
period: 2027-Q1
visibility: public
updated: 2026-04-01
keyResults:
  - title: Availability
    start: 99
    target: 99.9
    current: 99.45
    unit: "%"`),
    [c('objectives/zebra-margin.md')]: md(`title: Zebra margin
period: 2027
updated: 2026-04-01
keyResults:
  - title: Zebra gross margin
    start: 10
    target: 30
    current: 12`),
    [c('roadmap/status-page.md')]: item({
      title: 'Status page',
      summary: 'See whether the harbor is open.',
      theme: 'Reliability',
      status: 'planned',
      start: '2026-07-01',
      end: '2026-09-30',
      confidence: 'medium',
      objectives: '[uptime, zebra-margin]',
      visibility: 'public',
      updated: '2026-04-01',
    }),
    [c('roadmap/alerts.md')]: item({
      title: 'Alerts',
      summary: 'Hear about closures first.',
      theme: 'Reliability',
      status: 'in-progress',
      quarter: '2027-Q1',
      visibility: 'public',
      updated: '2026-04-01',
    }),
    [c('roadmap/old-thing.md')]: item({
      title: 'Old thing',
      summary: 'An idea we dropped.',
      theme: 'Growth',
      status: 'exploring',
      visibility: 'public',
      updated: '2026-04-01',
    }),
    [c('roadmap/api.md')]: item({
      title: 'Public API',
      summary: 'Read the harbor from code.',
      theme: 'Growth',
      status: 'planned',
      visibility: 'public',
      updated: '2026-04-01',
    }),
    [c('roadmap/exports.md')]: item(
      {
        title: 'Zebra exports',
        summary: 'Zebra data out.',
        theme: 'Growth',
        status: 'exploring',
        updated: '2026-04-01',
      },
      'Zebra body.',
    ),
    [c('roadmap/zebra-billing.md')]: item({
      title: 'Zebra billing',
      summary: 'Charge for zebra berths.',
      theme: 'Growth',
      status: 'planned',
      start: '2026-08-01',
      end: '2026-10-31',
      team: 'ZebraTeam',
      objectives: '[zebra-margin]',
      updated: '2026-04-01',
    }),
  });
  commits.plan = await repo.commit('Plan the first roadmap', '2026-04-02T10:00:00Z');

  await repo.write({
    [c('roadmap/status-page.md')]: item({
      title: 'Status page',
      summary: 'See whether the harbor is open.',
      theme: 'Reliability',
      status: 'in-progress',
      start: '2026-07-01',
      end: '2026-09-30',
      confidence: 'medium',
      objectives: '[uptime, zebra-margin]',
      visibility: 'public',
      updated: '2026-05-10',
    }),
    [c('roadmap/alerts.md')]: item({
      title: 'Alerts',
      summary: 'Hear about closures first.',
      theme: 'Reliability',
      status: 'in-progress',
      quarter: '2027-Q2',
      visibility: 'public',
      updated: '2026-05-10',
    }),
    [c('roadmap/search.md')]: item({
      title: 'Search',
      summary: 'Find any berth.',
      theme: 'Growth',
      status: 'planned',
      start: '2026-10-01',
      end: '2026-12-31',
      visibility: 'public',
      updated: '2026-05-10',
    }),
    [c('roadmap/exports.md')]: item(
      { title: 'Zebra exports', summary: 'Zebra data out.', theme: 'Growth', status: 'planned', updated: '2026-05-10' },
      'Zebra body.',
    ),
    [c('objectives/uptime.md')]: md(`title: Keep the harbor open
period: 2027-Q1
visibility: public
updated: 2026-05-10
keyResults:
  - title: Availability
    start: 99
    target: 99.9
    current: 99.72
    unit: "%"`),
  });
  await repo.remove(c('roadmap/old-thing.md'));
  commits.replan = await repo.commit(
    'Start the status page, slip alerts, add search, plan zebra exports',
    '2026-05-10T09:00:00Z',
  );

  await repo.write({
    [c('roadmap/exports.md')]: item(
      {
        title: 'Data exports',
        summary: 'Download your harbor data.',
        theme: 'Growth',
        status: 'planned',
        visibility: 'public',
        updated: '2026-08-15',
      },
      'Exports body.',
    ),
  });
  commits.publish = await repo.commit('Publish the zebra exports item', '2026-08-15T09:00:00Z');

  await repo.move(c('roadmap/search.md'), c('roadmap/search.mdx'));
  await repo.move(c('roadmap/alerts.md'), c('roadmap/alerting.md'));
  commits.rename = await repo.commit('Rename files', '2026-09-01T09:00:00Z');

  await repo.write({
    [c('roadmap/zebra-billing.md')]: item({
      title: 'Zebra billing',
      summary: 'Charge for zebra berths.',
      theme: 'Growth',
      status: 'planned',
      start: '2026-08-01',
      end: '2027-01-31',
      team: 'ZebraTeam',
      objectives: '[zebra-margin]',
      updated: '2026-09-20',
    }),
  });
  commits.internal = await repo.commit('Slip zebra billing', '2026-09-20T09:00:00Z');

  const statusPage = (status: string) =>
    item({
      title: 'Status page',
      summary: 'See whether the harbor is open.',
      theme: 'Reliability',
      status,
      start: '2026-07-01',
      end: '2026-09-30',
      confidence: 'medium',
      objectives: '[uptime, zebra-margin]',
      visibility: 'public',
      updated: '2026-10-01',
    });
  await repo.write({ [c('roadmap/status-page.md')]: statusPage('doing') });
  commits.broken = await repo.commit('Mark the status page as doing', '2026-10-01T09:00:00Z');

  await repo.write({
    [c('roadmap/status-page.md')]: statusPage('shipped'),
    [c('roadmap/search.mdx')]: item({
      title: 'Search',
      summary: 'Find any berth.',
      theme: 'Growth',
      status: 'planned',
      start: '2026-10-01',
      end: '2027-03-31',
      visibility: 'public',
      updated: '2026-10-02',
    }),
    [c('roadmap/api.md')]: item({
      title: 'Public API',
      summary: 'Read the harbor from code.',
      theme: 'Growth',
      status: 'planned',
      horizon: 'next',
      visibility: 'public',
      updated: '2026-10-02',
    }),
  });
  commits.fixed = await repo.commit('Ship the status page, slip search, bring the API forward', '2026-10-02T09:00:00Z');

  return { repo, content: `${repo.dir}/content`, commits };
}
