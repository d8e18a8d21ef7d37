/**
 * One invocation through the real `@aws-sdk/client-lambda`, timed as the
 * client sees it (from `send` to the decoded answer), with the log tail
 * asked for so the `Init Duration` of the REPORT line tells whether the
 * invocation started a new instance. A function error stops the benchmark:
 * numbers for a failing handler would mean nothing.
 */
import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";

/** What one invocation gave. */
export interface TimedInvocation {
  /** Client-side latency in milliseconds. */
  readonly ms: number;
  /** The handler's result, parsed. */
  readonly result: unknown;
  /** The REPORT line's `Init Duration` in ms; absent on a warm instance. */
  readonly initMs?: number;
}

/**
 * Invokes `functionName` with `event` and times it.
 *
 * @example
 * const { ms, initMs } = await timedInvoke(lambda, "bench-noop", {});
 */
export async function timedInvoke(
  lambda: LambdaClient,
  functionName: string,
  event: unknown,
): Promise<TimedInvocation> {
  const command = new InvokeCommand({
    FunctionName: functionName,
    Payload: Buffer.from(JSON.stringify(event)),
    LogType: "Tail",
  });
  const started = performance.now();
  const out = await lambda.send(command);
  const ms = performance.now() - started;
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString("utf8");
  if (out.FunctionError)
    throw new Error(`\`${functionName}\` failed (${out.FunctionError}): ${text}`);
  const log = Buffer.from(out.LogResult ?? "", "base64").toString("utf8");
  const init = /Init Duration: ([\d.]+) ms/.exec(log)?.[1];
  return {
    ms,
    result: JSON.parse(text) as unknown,
    ...(init !== undefined ? { initMs: Number(init) } : {}),
  };
}
