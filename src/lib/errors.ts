/**
 * The one error type the `cairn` command reports for the user to act on: what is wrong (the
 * message), what to do about it (`hint`), what caused it (`cause`, kept for debugging, not
 * printed) and the exit code. Anything else that reaches the command is a bug in Cairn and
 * is reported with its stack. Reported once, in src/cli/main.ts (as Eleventy's BaseError and
 * Observable Framework's CliError are).
 */
export const EXIT_OK = 0;
/** The content (or a revision of it) does not validate, or the build of it failed. */
export const EXIT_CONTENT = 1;
/** The command was called wrongly: an unknown flag, a bad switch value, a missing argument. */
export const EXIT_USAGE = 2;

export interface CairnErrorOptions {
  cause?: unknown;
  hint?: string;
  exitCode?: number;
}

export class CairnError extends Error {
  override name = 'CairnError';
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(message: string, { cause, hint, exitCode = EXIT_CONTENT }: CairnErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

/** The command was called wrongly; exits 2. */
export class UsageError extends CairnError {
  override name = 'UsageError';
  constructor(message: string, options: Omit<CairnErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: EXIT_USAGE });
  }
}

export const isCairnError = (error: unknown): error is CairnError => error instanceof CairnError;

/** How the command prints an error: the message, then the hint; a stack only for bugs. */
export function formatError(error: unknown): { text: string; exitCode: number } {
  if (isCairnError(error)) {
    return { text: error.hint ? `${error.message}\n\nhint: ${error.hint}` : error.message, exitCode: error.exitCode };
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { text: `${text}\n\nThis is a bug in Cairn; please report it with the lines above.`, exitCode: EXIT_CONTENT };
}
