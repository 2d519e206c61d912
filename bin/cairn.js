#!/usr/bin/env node
// The `cairn` bin. npm runs it with whatever `node` is first on PATH, which may be older than
// the Node 22.12 Astro needs (these machines ship Node 20), so this file stays plain
// JavaScript any Node can run: on an older Node it runs itself again with the Node 24 of the
// `node` package (a dependency of Cairn), otherwise it starts the command.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const packageRoot = join(dirname(self), '..');
const [major, minor] = process.versions.node.split('.').map(Number);

if (major > 22 || (major === 22 && minor >= 12)) {
  // In Cairn's own repository the TypeScript source runs as it is; the published package
  // holds it compiled (Node does not strip types under node_modules).
  const source = join(packageRoot, 'src', 'cli', 'run.ts');
  const entry = existsSync(source) ? source : join(packageRoot, 'compiled', 'cli', 'run.js');
  await import(pathToFileURL(entry).href);
} else {
  let node = null;
  try {
    node = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    // not installed: reported below
  }
  if (!node || !existsSync(node)) {
    console.error(
      `cairn needs Node 22.12 or newer; this is Node ${process.versions.node}, and the node package ` +
        'that brings Node 24 is not installed (run npm install).',
    );
    process.exit(2);
  }
  // Child processes (git, pagefind's own) find the same Node first on PATH.
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(node, [self, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
