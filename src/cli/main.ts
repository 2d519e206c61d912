/**
 * The `cairn` command: parses the arguments (commander), folds flags into the build switches
 * (a flag wins over its variable), runs one command and reports its error, if any, once.
 * Exit codes: 0 success, 1 content problems, 2 wrong usage.
 */
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT_USAGE, formatError } from '../lib/errors.ts';
import type { Io } from './build.ts';
import { PACKAGE } from './paths.ts';

type Env = Record<string, string | undefined>;

/** The build switches of the spec, as flags: `--content` sets ROADMAP_CONTENT, and so on. */
const SWITCHES = {
  content: { flag: '--content <folder>', variable: 'ROADMAP_CONTENT', what: 'the content folder' },
  audience: { flag: '--audience <audience>', variable: 'ROADMAP_AUDIENCE', what: 'public or internal' },
  today: { flag: '--today <date>', variable: 'ROADMAP_TODAY', what: 'the "today" of the build, YYYY-MM-DD' },
  base: { flag: '--base <path>', variable: 'ROADMAP_BASE', what: 'the base path, e.g. /pr-42/' },
  compareBase: {
    flag: '--compare-base <rev>',
    variable: 'ROADMAP_COMPARE_BASE',
    what: 'a git revision: build a preview marking what changed since it',
  },
} as const;
type Switch = keyof typeof SWITCHES;

function withSwitches(command: Command, switches: Switch[]): Command {
  for (const name of switches) {
    const { flag, variable, what } = SWITCHES[name];
    command.addOption(new Option(flag, `${what} (default: $${variable})`));
  }
  return command;
}

/** The environment a command runs with: its variables, overridden by its flags. */
function switchEnv(env: Env, options: Partial<Record<Switch, string>>): Env {
  const result = { ...env };
  for (const name of Object.keys(SWITCHES) as Switch[]) {
    const value = options[name];
    if (value !== undefined) result[SWITCHES[name].variable] = value;
  }
  return result;
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new InvalidArgumentError('expected a port number from 1 to 65535.');
  }
  return Number(value);
}

export interface Context {
  projectRoot: string;
  env: Env;
  io: Io & { write(text: string): void };
}

export function program(context: Context, setCode: (code: number) => void): Command {
  const { projectRoot, io } = context;
  // Flags win over variables; the merged switches are also what Astro's modules read.
  const envFor = (options: Partial<Record<Switch, string>>) => {
    const env = switchEnv(context.env, options);
    Object.assign(context.env, env);
    return env;
  };
  const run = (action: () => Promise<number>) => async () => setCode(await action());

  const cairn = new Command('cairn')
    .description('Build a published product roadmap from Markdown/MDX and YAML in git.')
    .version(PACKAGE.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.write(s), writeErr: (s) => io.error(s.replace(/\n$/, '')) })
    .showHelpAfterError('(run with --help for usage)');

  cairn
    .command('init')
    .description('write a new roadmap repository: starter content, package.json, README and workflows')
    .argument('[dir]', 'the folder to write (made if missing)', '.')
    .option('--force', 'write into a folder that is not empty (files of the same name are replaced)')
    .action(async (dir: string, options: { force?: boolean }) => {
      const { runInit } = await import('./init.ts');
      await run(() => runInit({ projectRoot, dir, force: options.force ?? false }, io))();
    });

  withSwitches(
    cairn
      .command('check')
      .description('validate the content; report drift and stale entries')
      .option('--strict', 'fail on warnings (drift flags, stale entries) too'),
    ['content', 'today'],
  ).action(async (options: { strict?: boolean } & Partial<Record<Switch, string>>) => {
    const { runCheck } = await import('./check.ts');
    await run(() => runCheck({ projectRoot, strict: options.strict ?? false, env: envFor(options) }, io))();
  });

  withSwitches(
    cairn
      .command('build')
      .description('validate, then build the site')
      .option('--out <dir>', 'where the site goes', 'dist'),
    ['content', 'audience', 'today', 'base', 'compareBase'],
  ).action(async (options: { out: string } & Partial<Record<Switch, string>>) => {
    const { runBuild } = await import('./build.ts');
    await run(() => runBuild({ projectRoot, out: options.out, env: envFor(options) }, io))();
  });

  withSwitches(
    cairn
      .command('dev')
      .description('live local preview: edits to the content show as they are saved')
      .option('--port <n>', 'the port to listen on', port)
      .option('--host <host>', 'the address to listen on'),
    ['content', 'audience', 'today', 'base'],
  ).action(async (options: { port?: number; host?: string } & Partial<Record<Switch, string>>) => {
    const { runDev } = await import('./dev.ts');
    await run(() => runDev({ projectRoot, env: envFor(options), port: options.port, host: options.host }))();
  });

  cairn
    .command('preview')
    .description('serve a built site locally')
    .argument('[dir]', 'the built site', 'dist')
    .option('--port <n>', 'the port to listen on', port)
    .option('--host <host>', 'the address to listen on')
    .addOption(new Option(SWITCHES.base.flag, `the base path the site was built for (default: $ROADMAP_BASE)`))
    .action(async (dir: string, options: { port?: number; host?: string; base?: string }) => {
      const { runPreview } = await import('./preview.ts');
      await run(() => runPreview({ projectRoot, dir, ...options, env: envFor(options) }, io))();
    });

  withSwitches(
    cairn
      .command('diff')
      .description('what a change does to the roadmap, per audience, between two git revisions')
      .option('--base <rev>', 'the revision to compare with (a branch, tag or commit), required')
      .option('--head <rev>', 'the revision to compare (default: the working tree as it is now)')
      .addOption(new Option('--format <format>', 'markdown (a pull-request comment) or json').default('markdown'))
      .option('--preview-url <url>', 'root URL of a preview build of the head: entries link to their pages')
      .option('--audience <audience>', 'public, internal or all: which audiences to report', 'all')
      .option('--out <file>', 'write to a file instead of standard output'),
    ['content', 'today'],
  ).action(
    async (options: {
      base?: string;
      head?: string;
      format: string;
      previewUrl?: string;
      audience: string;
      out?: string;
      content?: string;
      today?: string;
    }) => {
      const { runDiff } = await import('./diff.ts');
      const env = envFor({ content: options.content, today: options.today });
      await run(() => runDiff({ ...options, projectRoot, env }, io))();
    },
  );

  withSwitches(
    cairn
      .command('import')
      .description('backlog items from a tracker export')
      .addArgument(new Argument('<source>', 'the tracker').choices(['jira', 'linear', 'github']))
      .argument('<file>', 'the export: CSV (jira, linear) or JSON (github)')
      .option('--out <file>', 'the backlog file to write (default: backlog/<source>.yaml in the content folder)')
      .option('--dry-run', 'print what would change and write nothing'),
    ['content'],
  ).action(async (source: string, file: string, options: { out?: string; dryRun?: boolean; content?: string }) => {
    const { runImport } = await import('./import.ts');
    const { readBuildConfig } = await import('../lib/config.ts');
    const config = readBuildConfig(envFor(options), projectRoot, new Date());
    await run(() =>
      runImport(
        { source, file, out: options.out, dryRun: options.dryRun ?? false, contentDir: config.contentDir, projectRoot },
        io,
      ),
    )();
  });

  return cairn;
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], context: Context): Promise<number> {
  let code = 0;
  const cairn = program(context, (c) => (code = c));
  try {
    await cairn.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version were asked for; anything else commander stops at is wrong usage.
      return ['commander.helpDisplayed', 'commander.version'].includes(error.code) ? 0 : EXIT_USAGE;
    }
    if (error instanceof InvalidArgumentError) {
      context.io.error(`error: ${error.message}`);
      return EXIT_USAGE;
    }
    const { text, exitCode } = formatError(error);
    context.io.error(text);
    return exitCode;
  }
}
