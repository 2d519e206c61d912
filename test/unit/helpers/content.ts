import type {
  BacklogItem,
  Content,
  Mission,
  Objective,
  RoadmapItem,
  SiteSettings,
  StrategyDoc,
  Vision,
  WikiPage,
} from '../../../src/lib/model/types.ts';

/**
 * Builders for validated content, as the loader would produce it, so model tests can state
 * only the fields they are about. Every entry is public unless a test says otherwise.
 */

const base = (id: string, file: string) => ({
  id,
  file,
  title: id,
  visibility: 'public' as const,
  updated: null,
  owners: [],
  hasBody: false,
});

export function site(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return {
    title: 'Acme Roadmap',
    description: null,
    url: 'https://roadmap.acme.example',
    defaultVisibility: 'internal',
    fiscalYearStartMonth: 1,
    staleAfterDays: 90,
    themes: [],
    trackerUrl: null,
    ...overrides,
  };
}

export function mission(overrides: Partial<Mission> = {}): Mission {
  return { ...base('mission', 'mission.md'), kind: 'mission', title: 'Mission', statement: 'We exist.', ...overrides };
}

export function vision(overrides: Partial<Vision> = {}): Vision {
  return {
    ...base('vision', 'vision.md'),
    kind: 'vision',
    title: 'Vision',
    statement: 'A better world.',
    horizon: null,
    ...overrides,
  };
}

export function strategyDoc(id: string, overrides: Partial<StrategyDoc> = {}): StrategyDoc {
  return {
    ...base(id, `strategy/${id}.md`),
    kind: 'strategy',
    summary: null,
    order: null,
    milestones: [],
    ...overrides,
  };
}

export function objective(id: string, overrides: Partial<Objective> = {}): Objective {
  return {
    ...base(id, `objectives/${id}.md`),
    kind: 'objective',
    period: '2026',
    start: null,
    end: null,
    parent: null,
    status: null,
    keyResults: [
      { kind: 'measured', id: null, title: 'Users', start: 0, target: 100, current: 50, unit: null, confidence: null },
    ],
    ...overrides,
  };
}

export function item(id: string, overrides: Partial<RoadmapItem> = {}): RoadmapItem {
  return {
    ...base(id, `roadmap/${id}.md`),
    kind: 'roadmap',
    summary: `Summary of ${id}`,
    theme: 'Core',
    status: 'planned',
    start: null,
    end: null,
    period: null,
    horizon: null,
    objectives: [],
    dependsOn: [],
    team: null,
    confidence: null,
    tags: [],
    tracker: null,
    ...overrides,
  };
}

export function backlogItem(id: string, overrides: Partial<BacklogItem> = {}): BacklogItem {
  return {
    ...base(id, 'backlog/items.yaml'),
    kind: 'backlog',
    type: 'story',
    status: 'todo',
    epic: null,
    sprint: null,
    points: null,
    notes: null,
    ...overrides,
  };
}

export function wikiPage(id: string, overrides: Partial<WikiPage> = {}): WikiPage {
  return { ...base(id, `wiki/${id}.md`), kind: 'wiki', summary: null, order: null, ...overrides };
}

export function content(overrides: Partial<Content> = {}): Content {
  return {
    site: site(),
    mission: mission(),
    vision: vision(),
    strategy: [],
    objectives: [],
    roadmap: [],
    backlog: [],
    wiki: [],
    ...overrides,
  };
}
