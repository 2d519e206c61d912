/**
 * Realistic content sets for judging how the site reads: `items` roadmap items over 10-14
 * themes with long, real-sounding titles (some with inline `code` or *emphasis*), most of
 * them "now", an objective tree (parents with children), strategy milestones, dependencies
 * and a backlog of four tasks per item with owners, notes and, for some epics, no sprints.
 * Deterministic: the same size gives the same files.
 *
 *   npm exec -- node test/support/realistic.ts <dir> <items>
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { seededRandom } from './random.ts';

export const REALISTIC_THEMES = [
  'Unblocking dormant contributors',
  'Getting Rust for Linux into stable Rust',
  'Faster compile times across the ecosystem',
  'Beyond the &',
  'Async functions everywhere',
  'Trustworthy supply chain and releases',
  'First-class embedded support',
  'Better diagnostics for newcomers',
  'Scaling the project’s governance',
  'Cargo workflows for large workspaces',
  'Documentation people can find',
  'Interoperability with C++',
  'Security response',
  'Infrastructure',
];

const VERBS = ['Stabilize', 'Ship', 'Prototype', 'Design', 'Roll out', 'Retire', 'Document', 'Measure', 'Rewrite'];
const SUBJECTS = [
  '`async fn` in traits for dyn-compatible interfaces',
  'the new trait solver behind a stable flag',
  'parallel front-end compilation for workspaces over 500 crates',
  'a *supported* path for kernel modules written outside the tree',
  'sparse registry index fetches for offline mirrors',
  'cross-compilation presets for the three most used microcontroller families',
  'polonius-based borrow checking for conditional control flow',
  'signed release artefacts with reproducible build provenance',
  'error messages that suggest the missing `impl` with a working example',
  'a mentoring programme that pairs new reviewers with area leads',
  'the `cargo script` single-file package format',
  'a searchable index of every standard library example',
  'generic associated types in the standard collections',
  'a C++ interop layer that handles templates and exceptions',
  'coordinated disclosure with downstream distributions',
  'build farm capacity for the nightly and beta channels',
];
const TAILS = [
  '',
  ': the compiler features the kernel needs',
  ' for the 2027 edition',
  ' without breaking existing crates',
  ' and publish the migration guide',
  ', first for tier-one targets',
];
const PEOPLE = ['Ana Souza', 'Kenji Watanabe', 'Leila Haddad', 'Tom Becker', 'Priya Raman', 'Platform team'];

const pad = (n: number) => String(n).padStart(4, '0');
const date = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const q = (text: string) => JSON.stringify(text);

export async function generateRealistic(dir: string, items: number, themeCount = items >= 100 ? 14 : 13) {
  const rnd = seededRandom(items * 7 + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const themes = REALISTIC_THEMES.slice(0, themeCount);
  const today = new Date(Date.UTC(2026, 10, 21));
  const files = new Map<string, string>();
  // Only the first ten themes are declared, so the rest are coloured by first appearance.
  files.set(
    'site.yaml',
    `title: Rust Project Goals\nurl: https://goals.example\ndefaultVisibility: public\nfiscalYearStartMonth: 1\nthemes:\n${themes
      .slice(0, 10)
      .map((t) => `  - id: ${q(t)}\n    description: ${q(`What we are doing about ${t.toLowerCase()}.`)}`)
      .join('\n')}\n`,
  );
  files.set(
    'mission.md',
    `---\nstatement: Empower everyone to build reliable and efficient software.\n---\nWhy we exist.\n`,
  );
  files.set(
    'vision.md',
    `---\nstatement: The language people reach for first for systems work.\nhorizon: "2028"\n---\nWhere we are going.\n`,
  );
  files.set(
    'strategy/flagships.md',
    `---\ntitle: Flagship goals for 2027\nsummary: The few bets that matter most this year.\norder: 1\nmilestones:\n  - title: 2027 edition freeze\n    date: ${date(today, 75)}\n  - title: Kernel maintainers’ summit\n    date: ${date(today, 20)}\n---\nThe bets.\n`,
  );
  const parents = Math.max(3, Math.round(items / 40));
  const objectiveIds: string[] = [];
  for (let p = 1; p <= parents; p++) {
    const id = `goal-${p}`;
    objectiveIds.push(id);
    files.set(
      `objectives/${id}.md`,
      `---\ntitle: ${q(`Flagship ${p}: ${pick(SUBJECTS).replace(/[`*]/g, '')}`)}\nperiod: 2027\nowner: ${q(pick(PEOPLE))}\nkeyResults:\n  - title: Goals of this flagship on track\n    start: 0\n    target: 10\n    current: ${1 + Math.floor(rnd() * 8)}\n---\nWhy this flagship matters.\n`,
    );
    for (let c = 1; c <= 3; c++) {
      const child = `${id}-${c}`;
      objectiveIds.push(child);
      files.set(
        `objectives/${child}.md`,
        `---\ntitle: ${q(`${pick(VERBS)} ${pick(SUBJECTS).replace(/[`*]/g, '')}`)}\nperiod: 2027-H${1 + (c % 2)}\nparent: ${id}\nkeyResults:\n  - title: Milestones met\n    start: 0\n    target: 4\n    current: ${c}\n---\nA part of flagship ${p}.\n`,
      );
    }
  }
  const leaves = objectiveIds.filter((o) => o.split('-').length === 3);
  const backlog: string[] = [];
  for (let i = 1; i <= items; i++) {
    const theme = themes[i % themes.length]!;
    const title = `${pick(VERBS)} ${pick(SUBJECTS)}${pick(TAILS)}`;
    // Most items are under way: the board's "Now" column is the long one.
    const status = pick([
      'in-progress',
      'in-progress',
      'in-progress',
      'in-progress',
      'planned',
      'exploring',
      'shipped',
      'paused',
    ]);
    const start = status === 'shipped' ? -200 + Math.floor(rnd() * 120) : -120 + Math.floor(rnd() * 300);
    const length = 45 + Math.floor(rnd() * 200);
    const dated = i % 9 !== 0;
    const deps = i > 6 && i % 5 === 0 ? `\ndependsOn: [r-${pad(i - 1 - Math.floor(rnd() * 5))}]` : '';
    files.set(
      `roadmap/r-${pad(i)}.md`,
      `---\ntitle: ${q(title)}\nsummary: ${q(`So that contributors can ${pick(SUBJECTS).replace(/[`*]/g, '')}, we will ${title.toLowerCase().replace(/[`*]/g, '')}.`)}\ntheme: ${q(theme)}\nstatus: ${status}\n${
        dated ? `start: ${date(today, start)}\nend: ${date(today, start + length)}\n` : ''
      }objectives: [${pick(leaves)}]${deps}\nteam: ${q(pick(['Compiler', 'Language', 'Cargo', 'Infra', 'Docs', 'Release']))}\nowner: ${q(pick(PEOPLE))}\nconfidence: ${pick(['high', 'medium', 'low'])}\nupdated: ${date(today, -(i % 60))}\n---\nThe work, the people and the open questions.\n`,
    );
    const sprinted = i % 3 !== 0;
    for (let j = 1; j <= 4; j++) {
      backlog.push(
        `  - id: T-${pad(i)}-${j}\n    title: ${q(`${pick(VERBS)} ${pick(SUBJECTS).replace(/[`*]/g, '')}`)}\n    type: ${pick(['story', 'story', 'task', 'defect'])}\n    status: ${pick(['todo', 'in-progress', 'done', 'done', 'wont-do'])}\n    epic: r-${pad(i)}\n${
          sprinted ? `    sprint: "2026-S${20 + ((i + j) % 6)}"\n    points: ${1 + ((i + j) % 5)}\n` : ''
        }    owner: ${q(pick(PEOPLE))}\n    visibility: public${j === 2 ? `\n    notes: ${q('Blocked on review from the area lead.')}` : ''}`,
      );
    }
  }
  files.set('backlog/tasks.yaml', `${backlog.map((b) => b.replace(/^ {2}/gm, '')).join('\n')}\n`);
  await rm(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { items, themes: themes.length, backlog: items * 4 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'realistic', n = '44'] = process.argv.slice(2);
  console.log(await generateRealistic(dir, Number(n)));
}
