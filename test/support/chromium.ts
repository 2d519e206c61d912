/**
 * `npm test`'s pretest step: makes sure the browser tests have a Chromium. playwright cannot
 * download browsers on these machines, so on Debian without one it installs the `chromium`
 * package (as root, with apt-get). When no Chromium can be had it fails, loudly: the browser
 * suites are never skipped for want of a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser.ts';

function provide(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  if (process.env.CHROMIUM_PATH) return `CHROMIUM_PATH is ${CHROMIUM_PATH}, which does not exist.`;
  if (!existsSync('/usr/bin/apt-get')) return `no Chromium at ${CHROMIUM_PATH}, and no apt-get to install one.`;
  if (process.getuid?.() !== 0) return `no Chromium at ${CHROMIUM_PATH}; run: sudo apt-get install chromium`;
  console.log(`No Chromium at ${CHROMIUM_PATH}: installing Debian's chromium package for the browser tests…`);
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'chromium']);
  } catch (error) {
    return `apt-get could not install chromium (${(error as Error).message}).`;
  }
  return existsSync(CHROMIUM_PATH) ? null : `chromium was installed, but not at ${CHROMIUM_PATH}.`;
}

const problem = provide();
if (problem) {
  console.error(`The browser tests need Chromium: ${problem}\nSet CHROMIUM_PATH to a Chromium to use another one.`);
  process.exitCode = 1;
}
