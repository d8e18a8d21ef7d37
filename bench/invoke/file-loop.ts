/**
 * The file loop inside one invocation: the EFS function's handler times
 * `n` pairs of `writeFileSync` (a new 1 KiB file) and `readFileSync` (that
 * file, checked) under its mount, then the same loop in the instance's
 * `/tmp` with the host's native `fs`, and removes both directories
 * untimed; then `n` `statSync` calls on the mount's root and on `/tmp`
 * (the bridge's round-trip floor against a native stat). Repeated over a few invocations on the same warm instance; the
 * table takes the median of each.
 */
import type { LambdaClient } from "@aws-sdk/client-lambda";
import { medianOf } from "./stats.js";
import { timedInvoke } from "./timed-invoke.js";

/** Median loop times, ms, for `n` write+read pairs and for `n` stats. */
export interface LoopResult {
  readonly n: number;
  readonly mountMs: number;
  readonly tmpMs: number;
  readonly mountStatMs: number;
  readonly tmpStatMs: number;
}

type LoopAnswer = LoopResult;

/**
 * Runs the loop `runs` times with `n` pairs and returns the medians.
 *
 * @example
 * const loop = await measureFileLoop(lambda, "bench-efs-file", 1000, 3);
 * (loop.n / loop.mountMs) * 1000; // pairs per second through the mount
 */
export async function measureFileLoop(
  lambda: LambdaClient,
  functionName: string,
  n: number,
  runs: number,
): Promise<LoopResult> {
  const answers: LoopAnswer[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await timedInvoke(lambda, functionName, { mode: "loop", n });
    const answer = run.result as LoopAnswer;
    if (answer.n !== n) throw new Error(`the loop ran ${answer.n} pairs, not ${n}`);
    answers.push(answer);
  }
  return {
    n,
    mountMs: medianOf(answers.map((a) => a.mountMs)),
    tmpMs: medianOf(answers.map((a) => a.tmpMs)),
    mountStatMs: medianOf(answers.map((a) => a.mountStatMs)),
    tmpStatMs: medianOf(answers.map((a) => a.tmpStatMs)),
  };
}
