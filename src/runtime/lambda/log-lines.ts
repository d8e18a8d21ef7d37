/**
 * An invocation's log as Lambda writes it to CloudWatch and returns with
 * `LogType: Tail`: the init output on a cold start, `START RequestId: <id>
 * Version: $LATEST`, the instance's output, the timeout line when it timed
 * out, `END RequestId: <id>`, and the `REPORT` line (duration, billed
 * duration rounded up to the millisecond, memory size, max memory used,
 * init duration on a cold start, `Status: timeout` after a timeout). The
 * Lambda service cuts the tail out of it (`services/lambda/log-tail.ts`).
 */
import { timedOutMessage } from "./assumptions.js";

/** What the log of one invocation is made of. */
export interface InvocationLog {
  readonly requestId: string;
  readonly output: string;
  readonly durationMs: number;
  readonly memorySize: number;
  readonly initOutput?: string;
  readonly initMs?: number;
  readonly rssBytes?: number;
  readonly timedOut: boolean;
  readonly now: Date;
}

/**
 * The log text.
 *
 * @example
 * invocationLog({ requestId: "r-1", output: "", durationMs: 1.5, memorySize: 128, timedOut: false, now: new Date() });
 * // "START RequestId: r-1 Version: $LATEST\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 1.50 ms\t…"
 */
export function invocationLog(log: InvocationLog): string {
  const id = log.requestId;
  const used = Math.ceil((log.rssBytes ?? 0) / (1024 * 1024));
  const report = [
    `REPORT RequestId: ${id}`,
    `Duration: ${log.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.max(1, Math.ceil(log.durationMs))} ms`,
    `Memory Size: ${log.memorySize} MB`,
    `Max Memory Used: ${Math.min(used, log.memorySize)} MB`,
    ...(log.initMs !== undefined ? [`Init Duration: ${log.initMs.toFixed(2)} ms`] : []),
    ...(log.timedOut ? ["Status: timeout"] : []),
  ];
  const timeout = log.timedOut
    ? `${log.now.toISOString()} ${id} ${timedOutMessage(log.durationMs / 1000)}\n`
    : "";
  return [
    log.initOutput ?? "",
    `START RequestId: ${id} Version: $LATEST\n`,
    log.output,
    timeout,
    `END RequestId: ${id}\n`,
    `${report.join("\t")}\t\n`,
  ].join("");
}
