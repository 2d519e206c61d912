/**
 * `npm run import -- <jira|linear|github> FILE [--out FILE] [--dry-run] [--content <folder>]`:
 * backlog items from a tracker export, until `cairn import` takes over (it calls the same
 * runImport). FILE is read from where npm was started; the content folder is ROADMAP_CONTENT,
 * `--content` or content/.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../src/cli/import.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = 'Usage: npm run import -- <jira|linear|github> FILE [--out FILE] [--dry-run] [--content <folder>]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    console.log(
      '\nWrites backlog/<source>.yaml in the content folder (or --out), updating the items it imported before.',
    );
    console.log('--dry-run   print what would change and write nothing');
    return 0;
  }
  const [source, file, ...rest] = positionals;
  if (!source || !file || rest.length) {
    console.error(USAGE);
    return 2;
  }
  // npm runs scripts from the project root; the user named FILE from where they typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return runImport(
    {
      source,
      file: resolve(cwd, file),
      ...(values.out ? { out: values.out } : {}),
      dryRun: values['dry-run'],
      contentDir: resolve(root, values.content ?? process.env.ROADMAP_CONTENT ?? 'content'),
      projectRoot: root,
    },
    { log: (s) => console.log(s), error: (s) => console.error(s) },
  );
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
