/**
 * Collects one output stream (stdout or stderr) of an instance and cuts
 * it at the sentinel lines the instance writes when it answers, so the
 * runner can give each invocation exactly the output written during it.
 * Text after the last sentinel stays pending until the next one, or until
 * the stream ends (a killed instance), when every waiter gets what is left.
 */
import type { Readable } from "node:stream";

const MARK = "\u0000accesslab-output-end:";
const END = "\u0000\n";

/** The text of one stream, cut at sentinels. */
export interface OutputCollector {
  /** Resolves with the text written before `token`'s sentinel (since the previous one). */
  until(token: string): Promise<string>;
  /** Takes whatever arrived and belongs to no sentinel yet. */
  takePending(): string;
}

/**
 * Starts collecting `stream`.
 *
 * @example
 * const out = collectOutput(child.stdout);
 * const text = await out.until(requestId);
 */
export function collectOutput(stream: Readable): OutputCollector {
  let pending = "";
  let ended = false;
  const segments = new Map<string, string>();
  const waiters = new Map<string, (text: string) => void>();
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    pending += chunk;
    for (;;) {
      const at = pending.indexOf(MARK);
      const end = at < 0 ? -1 : pending.indexOf(END, at + MARK.length);
      if (end < 0) break;
      const token = pending.slice(at + MARK.length, end);
      const text = pending.slice(0, at);
      pending = pending.slice(end + END.length);
      const waiter = waiters.get(token);
      if (waiter) {
        waiters.delete(token);
        waiter(text);
      } else segments.set(token, text);
    }
  });
  stream.on("close", () => {
    ended = true;
    for (const [token, waiter] of waiters) {
      waiters.delete(token);
      waiter(takePending());
    }
  });
  const takePending = () => {
    const text = pending;
    pending = "";
    return text;
  };
  return {
    until(token) {
      const known = segments.get(token);
      if (known !== undefined) {
        segments.delete(token);
        return Promise.resolve(known);
      }
      if (ended) return Promise.resolve(takePending());
      return new Promise((resolve) => waiters.set(token, resolve));
    },
    takePending,
  };
}
