/**
 * Warm invoke latency: after a few untimed invocations (the first starts
 * the instance, the rest let the JIT settle), a run of sequential
 * invocations from one SDK client, each on the same warm instance; the
 * REPORT line must show no `Init Duration`, or the run is counted as not
 * warm.
 */
import type { LambdaClient } from "@aws-sdk/client-lambda";
import { timedInvoke } from "./timed-invoke.js";

const WARM_UP = 20;

/** The warm invocations of one function. */
export interface WarmResult {
  /** Client-side latencies, ms. */
  readonly latencies: readonly number[];
  /** How many of the timed invocations started an instance anyway. */
  readonly cold: number;
}

/**
 * Measures `runs` sequential warm invocations of `functionName` with `event`.
 *
 * @example
 * const warm = await measureWarm(lambda, "bench-noop", {}, 200);
 */
export async function measureWarm(
  lambda: LambdaClient,
  functionName: string,
  event: unknown,
  runs: number,
): Promise<WarmResult> {
  for (let i = 0; i < WARM_UP; i++) await timedInvoke(lambda, functionName, event);
  const latencies: number[] = [];
  let cold = 0;
  for (let i = 0; i < runs; i++) {
    const run = await timedInvoke(lambda, functionName, event);
    latencies.push(run.ms);
    if (run.initMs !== undefined) cold++;
  }
  return { latencies, cold };
}
