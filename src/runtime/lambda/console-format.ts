/**
 * The Node.js runtime's text log format, installed inside an instance:
 * each `console` call becomes one line `<ISO time>\t<request id>\t<LEVEL>\t
 * <message>` on stdout, the message formatted as `util.format` does, with
 * its own newlines turned into carriage returns so one call stays one log
 * event (as the managed runtime writes them). Outside an invocation the
 * request id is `undefined`, as in the managed runtime's init phase.
 */
import { format } from "node:util";

/** The console methods and the level each one logs at. */
const LEVELS = {
  log: "INFO",
  info: "INFO",
  warn: "WARN",
  error: "ERROR",
  debug: "DEBUG",
  trace: "TRACE",
} as const;

/**
 * One formatted log line.
 *
 * @example
 * logLine(new Date(0), "r-1", "INFO", ["hi %s", "there"]);
 * // "1970-01-01T00:00:00.000Z\tr-1\tINFO\thi there\n"
 */
export function logLine(
  time: Date,
  requestId: string | undefined,
  level: string,
  args: readonly unknown[],
): string {
  const message = format(...args).replace(/\n/g, "\r");
  return `${time.toISOString()}\t${requestId ?? "undefined"}\t${level}\t${message}\n`;
}

/**
 * Replaces the console methods with ones that write Lambda's format to
 * `write`, reading the current request id from `requestId()`.
 *
 * @example
 * patchConsole(() => current?.requestId, (line) => process.stdout.write(line));
 */
export function patchConsole(
  requestId: () => string | undefined,
  write: (line: string) => void,
): void {
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const [method, level] of Object.entries(LEVELS)) {
    target[method] = (...args: unknown[]) => write(logLine(new Date(), requestId(), level, args));
  }
}
