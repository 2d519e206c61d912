/** `cairn import`: stand-in until the importers land (their own issue); same signature. */
export function runImport(
  opts: { source: string; file: string; out?: string; dryRun: boolean; contentDir: string; projectRoot: string },
  io: { log(s: string): void; error(s: string): void },
): Promise<number> {
  io.error(`cairn import ${opts.source}: not available in this version of Cairn.`);
  return Promise.resolve(2);
}
