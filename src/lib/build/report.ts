import { formatDiagnostic } from '../content/diagnostics.ts';
import { ContentError } from './site-data.ts';

/**
 * Prints a failure that comes from the content, found once Astro ran (an import of a content
 * file, a rendered link to an internal page), as diagnostics without a stack trace. False
 * for any other error, which the caller reports as a crash.
 */
export function reportContentFailure(error: unknown, print: (line: string) => void): boolean {
  if (error instanceof ContentError) {
    for (const d of error.diagnostics) print(formatDiagnostic(d));
    print(`\n${error.message.split('\n')[0]!.replace(/:$/, '.')}`);
    return true;
  }
  // The import guard's message survives Astro's and Vite's wrapping as a line of its own.
  const line = messagesOf(error)
    .flatMap((m) => m.split('\n'))
    .map((l) => /error \S+: import: imports .*/.exec(l)?.[0])
    .find(Boolean);
  if (line) {
    print(line);
    print('\n1 problem in the content; no site was written.');
    return true;
  }
  return false;
}

function messagesOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 5) return typeof error === 'string' ? [error] : [];
  return [error.message, ...messagesOf(error.cause, depth + 1)];
}
