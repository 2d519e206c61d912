import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures');
/** Where tests write sites and scratch copies of fixtures (gitignored). */
export const OUTPUT = join(PROJECT_ROOT, 'test', '.output');

export interface BuildOptions {
  content: string;
  out: string;
  /** `public` or `internal`, or anything else to test how a wrong value is reported. */
  audience?: string;
  today?: string;
  base?: string;
  /** ROADMAP_COMPARE_BASE: build a preview of the change since this git revision. */
  compareBase?: string;
  /** More environment variables for the build. */
  env?: Record<string, string>;
}

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cairn build` exactly as `npm run build` does (same bin, same Node), into `out`. */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    ROADMAP_CONTENT: options.content,
    ROADMAP_AUDIENCE: options.audience ?? 'public',
    ROADMAP_TODAY: options.today ?? '2026-11-21',
    ROADMAP_BASE: options.base ?? '/',
    ROADMAP_COMPARE_BASE: options.compareBase ?? '',
    ...options.env,
  };
  return runCairn('build', ['--out', options.out], env);
}

/** Runs `cairn <command>` as `npm run <command>` does (the bin, the same Node), with exit code and output. */
export async function runCairn(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(PROJECT_ROOT, 'bin', 'cairn.js'), command, ...args],
      {
        cwd: PROJECT_ROOT,
        env,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `runCairn` under the name of the script that once was the command: `check.ts` is `cairn check`. */
export const runScript = (script: string, args: string[], env: NodeJS.ProcessEnv): Promise<BuildResult> =>
  runCairn(script.replace(/\.ts$/, ''), args, env);

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * Every file of a built site as text, compressed files (pagefind's index) decompressed first,
 * so a scan for a string sees what a reader's browser would.
 */
export async function readSiteTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    let bytes = await readFile(join(dir, file));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    texts.set(file, bytes.toString('latin1'));
  }
  return texts;
}
