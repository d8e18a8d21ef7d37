/**
 * `npm run bench -- invoke`: what running a Lambda handler through
 * accesslab costs. It starts `accesslab serve --in-memory` from the built
 * `dist/` (what `npm start` runs), sets up through the AWS SDK a VPC
 * function mounting an EFS access point (PosixUser 1000:1000, owner of its
 * root), a no-op function without VPC or EFS (the floor) and the same
 * no-op in the VPC, and measures for each: cold invoke latency (first
 * invoke after UpdateFunctionConfiguration forces a new instance), warm
 * invoke latency (sequential) and invocations/s with a few concurrent
 * clients; the EFS handler writes a 1 KiB file on its mount and reads it
 * back. Then, inside one invocation, a loop of small write+read pairs
 * through the mount against the same loop on native `fs` in the
 * instance's `/tmp`. Prints one markdown table per measure. Nothing is
 * asserted.
 */
import { LambdaClient } from "@aws-sdk/client-lambda";
import { buildDist } from "./build-dist.js";
import { type ColdResult, measureCold } from "./invoke/cold.js";
import { measureFileLoop } from "./invoke/file-loop.js";
import { FILE_BYTES } from "./invoke/handlers.js";
import { BENCH_FUNCTIONS, clientConfig, setUpBenchFunctions } from "./invoke/setup.js";
import {
  coldTable,
  type Labelled,
  loopTable,
  machineNote,
  throughputTable,
  warmTable,
} from "./invoke/tables.js";
import { measureThroughput } from "./invoke/throughput.js";
import { timedInvoke } from "./invoke/timed-invoke.js";
import { measureWarm, type WarmResult } from "./invoke/warm.js";
import type { LoadResult } from "./serve/load-generator.js";
import { startAccesslab } from "./serve/server-process.js";

const COLD_RUNS = 10;
const WARM_RUNS = 200;
const CONNECTIONS = 4;
const DURATION_MS = 5_000;
const LOOP_PAIRS = 1_000;
const LOOP_RUNS = 5;

const FILE_EVENT = { mode: "file" };
const WORKLOADS = [
  {
    label: `EFS handler: write ${FILE_BYTES} B on the mount + read back`,
    name: BENCH_FUNCTIONS.efs,
    event: FILE_EVENT,
  },
  { label: "no-op handler in the VPC, no EFS", name: BENCH_FUNCTIONS.vpcNoop, event: {} },
  { label: "no-op handler, no VPC, no EFS (floor)", name: BENCH_FUNCTIONS.noop, event: {} },
] as const;

/**
 * Runs the invoke benchmark and prints its tables.
 *
 * @example
 * await runInvokeBench();
 */
export async function runInvokeBench(): Promise<void> {
  if (!buildDist()) return;
  const server = await startAccesslab(["--in-memory"]);
  try {
    const config = clientConfig(server.port);
    await setUpBenchFunctions(config);
    const lambda = new LambdaClient(config);
    const step = (what: string) => process.stderr.write(`running ${what} …\n`);
    // a handler that fails would make every number meaningless: check both first
    for (const w of WORKLOADS) await timedInvoke(lambda, w.name, w.event);

    const cold: Labelled<ColdResult>[] = [];
    const warm: Labelled<WarmResult>[] = [];
    const load: Labelled<LoadResult>[] = [];
    for (const w of WORKLOADS) {
      step(`cold invokes of ${w.name}`);
      cold.push({ label: w.label, value: await measureCold(lambda, w.name, w.event, COLD_RUNS) });
    }
    for (const w of WORKLOADS) {
      step(`warm invokes of ${w.name}`);
      warm.push({ label: w.label, value: await measureWarm(lambda, w.name, w.event, WARM_RUNS) });
    }
    for (const w of WORKLOADS) {
      step(`${CONNECTIONS} concurrent clients on ${w.name}`);
      const value = await measureThroughput(
        config,
        server.port,
        w.name,
        w.event,
        CONNECTIONS,
        DURATION_MS,
      );
      load.push({ label: w.label, value });
    }
    step(`the file loop in ${BENCH_FUNCTIONS.efs}`);
    const loop = await measureFileLoop(lambda, BENCH_FUNCTIONS.efs, LOOP_PAIRS, LOOP_RUNS);

    console.log(`\n${coldTable(cold)}\n`);
    console.log(`${warmTable(warm)}\n`);
    console.log(`${throughputTable(CONNECTIONS, DURATION_MS, load)}\n`);
    console.log(loopTable(loop, FILE_BYTES));
    console.log(
      `\n${machineNote()}; latencies are client-side through @aws-sdk/client-lambda (cold, warm) or the raw-socket load generator (invocations/s); the file loop is timed inside the handler (median of ${LOOP_RUNS} invocations).`,
    );
  } finally {
    await server.stop();
  }
}
