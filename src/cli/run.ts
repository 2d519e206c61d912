/** Entry point of the `cairn` bin (bin/cairn.js loads this): runs main with the real process. */
import { main } from './main.ts';
import { PACKAGE_ROOT } from './paths.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// Fonts and other package files are found from here, wherever the build runs.
process.env.CAIRN_PACKAGE_ROOT = PACKAGE_ROOT;
process.exitCode = await main(process.argv.slice(2), {
  projectRoot: process.cwd(),
  env: process.env,
  io: {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    write: (text) => process.stdout.write(text),
  },
});
