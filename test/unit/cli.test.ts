import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { PACKAGE } from '../../src/cli/paths.ts';
import { CairnError, UsageError, formatError } from '../../src/lib/errors.ts';
import { FIXTURES, PROJECT_ROOT } from '../support/build.ts';

/** The `cairn` command's parsing, exit codes and error reporting, run in-process. */
async function cairn(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    projectRoot: PROJECT_ROOT,
    env: { ROADMAP_TODAY: '2026-11-21', ...env },
    io: { log: (s) => out.push(s), error: (s) => err.push(s), write: (s) => out.push(s) },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('the cairn command', () => {
  it('lists every command of the spec in --help, and exits 0', async () => {
    const help = await cairn(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'check', 'build', 'dev', 'preview', 'diff', 'import']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('lists the build switches as flags in each command’s --help', async () => {
    const build = await cairn(['build', '--help']);
    expect(build.code).toBe(0);
    for (const flag of ['--out', '--content', '--audience', '--today', '--base', '--compare-base']) {
      expect(build.stdout).toContain(flag);
    }
    expect(build.stdout).toContain('$ROADMAP_COMPARE_BASE');
    expect((await cairn(['check', '--help'])).stdout).toContain('--strict');
    expect((await cairn(['diff', '--help'])).stdout).toContain('--format <format>');
  });

  it('prints its version', async () => {
    const version = await cairn(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${PACKAGE.version}\n` });
    expect(PACKAGE.name).toBe('cairn-roadmap');
  });

  it('exits 2 on an unknown command, an unknown flag, a missing argument or a bad choice', async () => {
    const unknown = await cairn(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const flag = await cairn(['check', '--frob']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--frob'");
    expect((await cairn(['import', 'jira'])).code).toBe(2);
    const source = await cairn(['import', 'trello', 'x.csv']);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('Allowed choices are jira, linear, github');
    const port = await cairn(['dev', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('expected a port number from 1 to 65535');
  });

  it('exits 2 on a bad switch value, whether a variable or a flag', async () => {
    const variable = await cairn(['check'], { ROADMAP_TODAY: '2026-02-30' });
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain('ROADMAP_TODAY: got "2026-02-30"; expected a real date written YYYY-MM-DD');
    const flag = await cairn(['check', '--today', 'tomorrow']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('ROADMAP_TODAY: got "tomorrow"');
  });

  it('lets a flag win over its variable', async () => {
    const env = { ROADMAP_CONTENT: join(FIXTURES, 'does-not-exist'), ROADMAP_TODAY: '2026-02-30' };
    const result = await cairn(['check', '--content', join(FIXTURES, 'drift'), '--today', '2026-11-21'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('as of 2026-11-21');
  });

  it('exits 1 on content problems', async () => {
    const result = await cairn(['check', '--content', join(FIXTURES, 'does-not-exist')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does-not-exist');
  });
});

describe('errors', () => {
  it('print a CairnError’s message and hint, never its stack, with its exit code', () => {
    const error = new CairnError('content/roadmap/a.md: status: got "x"', {
      hint: 'see the guide',
      cause: new Error('inner'),
    });
    expect(formatError(error)).toEqual({
      text: 'content/roadmap/a.md: status: got "x"\n\nhint: see the guide',
      exitCode: 1,
    });
    expect(error.cause).toBeInstanceOf(Error);
    expect(formatError(new UsageError('--out: missing')).exitCode).toBe(2);
  });

  it('print anything else with its stack, as a bug in Cairn', () => {
    const { text, exitCode } = formatError(new TypeError('x is undefined'));
    expect(exitCode).toBe(1);
    expect(text).toMatch(/^TypeError: x is undefined\n\s+at /);
    expect(text).toContain('This is a bug in Cairn');
  });
});
