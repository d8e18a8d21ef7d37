/**
 * Cold invoke latency. Method: before each measured invocation,
 * UpdateFunctionConfiguration changes one environment variable
 * (`BENCH_GENERATION`), which gives the function a new RevisionId; the
 * runtime keys warm instances by function, revision and code hash, so the
 * next Invoke cannot reuse an instance and starts a new one (the old idle
 * one is retired), as on AWS, where a configuration change also sends the
 * next invocation to a fresh execution environment. Only the Invoke is
 * timed, not the update; the REPORT line's `Init Duration` confirms each
 * start was cold and is reported alongside.
 */
import { type LambdaClient, UpdateFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { timedInvoke } from "./timed-invoke.js";

/** The cold invocations of one function. */
export interface ColdResult {
  /** Client-side latencies, ms. */
  readonly latencies: readonly number[];
  /** `Init Duration` of each invocation that reported one, ms. */
  readonly initMs: readonly number[];
}

/**
 * Measures `runs` cold invocations of `functionName` with `event`.
 *
 * @example
 * const cold = await measureCold(lambda, "bench-noop", {}, 10);
 */
export async function measureCold(
  lambda: LambdaClient,
  functionName: string,
  event: unknown,
  runs: number,
): Promise<ColdResult> {
  const latencies: number[] = [];
  const initMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: functionName,
        Environment: { Variables: { BENCH_GENERATION: `${Date.now()}-${i}` } },
      }),
    );
    const run = await timedInvoke(lambda, functionName, event);
    latencies.push(run.ms);
    if (run.initMs !== undefined) initMs.push(run.initMs);
  }
  return { latencies, initMs };
}
