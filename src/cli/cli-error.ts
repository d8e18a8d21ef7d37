/**
 * Errors a command reports to the person at the terminal: one line on
 * stderr, an exit code, never a stack trace.
 */

/** Exit code for unusable input (unreadable file, malformed JSON, wrong shape). */
export const EXIT_BAD_INPUT = 2;

/** An error whose message is fit to show as is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(message);
  }
}

/**
 * Prints an error as `accesslab: message` and sets the exit code. Errors
 * that are not {@link CliError}s are bugs: they are reported as such, still
 * without a stack trace unless `ACCESSLAB_DEBUG` is set.
 */
export function reportError(error: unknown): void {
  if (error instanceof CliError) {
    process.stderr.write(`accesslab: ${error.message}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`accesslab: internal error: ${message}\n`);
  if (process.env.ACCESSLAB_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = 70;
}
