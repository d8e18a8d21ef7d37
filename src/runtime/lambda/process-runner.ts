/**
 * The function runner accesslab serves with: each invocation runs the
 * function's Node.js code in a child process of its own (an instance),
 * reusing a warm idle instance of the same function configuration or
 * starting a new one: unpack the code (once per CodeSha256), obtain the
 * execution role's credentials, build Lambda's environment, run the init
 * hooks, fork the bootstrap as the sandbox user when accesslab runs as
 * root on Linux. A warm instance whose credentials would expire during the
 * invocation is replaced, so a function never sees expired credentials. The answer carries the handler's result or error
 * document and the invocation's log with START/END/REPORT lines. Given the
 * services' context, the runner mounts each function's EFS file systems at
 * init (`efs/mount-hook.ts`), points a VPC function's AWS calls at its
 * VPC's interface endpoints (`network/service-endpoints.ts`) and routes its
 * connections to FSx file servers through the emulated VPC
 * (`network/vpc-connections-hook.ts`) before any other hook runs.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ServiceContext } from "../../services/context.js";
import { LambdaError } from "../../services/lambda/errors.js";
import type {
  FunctionRunner,
  InvocationRequest,
  InvocationResult,
} from "../../services/lambda/invoke-port.js";
import {
  IDLE_INSTANCE_MS,
  INVALID_ZIP_MESSAGE,
  SUPPORTED_RUNTIME,
  unsupportedRuntimeMessage,
} from "./assumptions.js";
import { type BootstrapEntry, bootstrapEntry } from "./bootstrap-entry.js";
import { codeCache } from "./code-cache.js";
import { realMountPlan } from "./efs/fuse/real-mounts.js";
import { efsMountHook } from "./efs/mount-hook.js";
import { lambdaEnvironment, logGroupName, logStreamName } from "./environment.js";
import { type InstanceIdentity, instanceIdentity } from "./identity.js";
import type { InstanceInitHook, InstanceSetup } from "./init-hooks.js";
import { Instance } from "./instance.js";
import { invocationLog } from "./log-lines.js";
import { type InvokeMessage, PRELOAD_VARIABLE } from "./messages.js";
import { serviceEndpointsHook } from "./network/service-endpoints.js";
import { vpcConnectionsHook } from "./network/vpc-connections-hook.js";
import { InstancePool, type PooledInstance } from "./pool.js";

/**
 * A warm instance is reused only while its credentials outlast the
 * invocation by this much; otherwise a fresh instance gets a new session.
 */
const CREDENTIALS_MARGIN_MS = 5 * 60 * 1000;

/** How the runner is set up. */
export interface ProcessRunnerOptions {
  /** accesslab's endpoint, read when an instance starts (a server knows its port only once listening). */
  readonly endpoint: () => string;
  /**
   * The services' context (read when an instance starts, as the server
   * builds it after the runner): with it, FileSystemConfigs are mounted at
   * init through the EFS data plane; without it, they are ignored.
   */
  readonly services?: () => ServiceContext;
  /** Further steps of every instance's init phase, in order, after the EFS mounts. */
  readonly initHooks?: readonly InstanceInitHook[];
  /** How long idle instances stay warm. */
  readonly idleMs?: number;
  /** The identity instances run as (default: the sandbox user when root on Linux). */
  readonly identity?: InstanceIdentity;
  /** The program instances run (default: the bootstrap beside this module). */
  readonly entry?: BootstrapEntry;
}

/**
 * A runner whose instances are local processes. Close it to stop them and
 * remove the unpacked code.
 *
 * @example
 * const runner = createProcessRunner({ endpoint: () => running.endpoint, services: () => env.services });
 * const env = createServerEnv({ store, functionRunner: runner });
 */
export function createProcessRunner(options: ProcessRunnerOptions): FunctionRunner {
  const codeRoot = mkdtempSync(join(tmpdir(), "accesslab-lambda-"));
  chmodSync(codeRoot, 0o755);
  const cache = codeCache(codeRoot);
  const pool = new InstancePool(options.idleMs ?? IDLE_INSTANCE_MS);
  const identity = "identity" in options ? options.identity : instanceIdentity();
  const entry = options.entry ?? bootstrapEntry();
  const hooks = [
    ...(options.services
      ? [
          efsMountHook(options.services),
          serviceEndpointsHook(options.services),
          vpcConnectionsHook(options.services),
        ]
      : []),
    ...(options.initHooks ?? []),
  ];

  const start = async (request: InvocationRequest): Promise<PooledInstance> => {
    const { fn, code } = request;
    if (code.kind !== "zip")
      throw new LambdaError("InvalidZipFileException", 502, INVALID_ZIP_MESSAGE);
    const taskRoot = await cache
      .directoryFor(fn.codeSha256, code.zipFileBase64)
      .catch(() =>
        Promise.reject(new LambdaError("InvalidZipFileException", 502, INVALID_ZIP_MESSAGE)),
      );
    const credentials = request.credentials();
    const env = lambdaEnvironment({
      fn,
      region: request.region,
      taskRoot,
      endpoint: options.endpoint(),
      credentials,
      logStreamName: logStreamName(new Date(), randomBytes(16).toString("hex")),
      runtimeDir: dirname(entry.modulePath),
    });
    const setup: InstanceSetup = { request, taskRoot, env, preload: [], onStop: [] };
    try {
      for (const hook of hooks) await hook(setup);
    } catch (error) {
      // a hook refused the start: undo what earlier hooks set up
      for (const stop of setup.onStop) stop();
      throw error;
    }
    if (setup.preload.length > 0) env[PRELOAD_VARIABLE] = JSON.stringify(setup.preload);
    const realMounts = realMountPlan(setup);
    const instance = new Instance({
      taskRoot,
      env,
      identity,
      memorySize: fn.memorySize,
      entry,
      ...(realMounts ? { realMounts } : {}),
    });
    return { instance, onStop: setup.onStop, credentialsExpireMs: credentials.expiration };
  };

  return {
    async invoke(request) {
      const { fn } = request;
      if (!SUPPORTED_RUNTIME.test(fn.runtime ?? ""))
        throw new LambdaError(
          "InvalidRuntimeException",
          502,
          unsupportedRuntimeMessage(fn.runtime ?? ""),
        );
      const key = `${fn.functionArn}#${fn.revisionId}#${fn.codeSha256}`;
      pool.retireOthers(`${fn.functionArn}#`, key);
      let pooled = pool.takeWarm(key, Date.now() + fn.timeout * 1000 + CREDENTIALS_MARGIN_MS);
      if (!pooled) {
        pooled = await start(request);
        pool.add(key, pooled);
      }
      const run = await pooled.instance.invoke(invokeMessage(request), fn.timeout);
      pool.release(key, pooled, run.reusable);
      const log = invocationLog({
        requestId: request.requestId,
        output: run.output,
        durationMs: run.durationMs,
        memorySize: fn.memorySize,
        timedOut: run.timedOut,
        now: new Date(),
        ...(run.initOutput !== undefined ? { initOutput: run.initOutput } : {}),
        ...(run.initMs !== undefined ? { initMs: run.initMs } : {}),
        ...(run.rssBytes !== undefined ? { rssBytes: run.rssBytes } : {}),
      });
      if (run.error) return { payload: JSON.stringify(run.error), functionError: "Unhandled", log };
      return { payload: run.payload ?? "null", log } satisfies InvocationResult;
    },
    async close() {
      pool.close();
      rmSync(codeRoot, { recursive: true, force: true });
    },
  };
}

function invokeMessage(request: InvocationRequest): InvokeMessage {
  const { fn } = request;
  return {
    kind: "invoke",
    requestId: request.requestId || randomUUID(),
    event: request.payload,
    deadlineMs: Date.now() + fn.timeout * 1000,
    context: {
      functionName: fn.functionName,
      functionVersion: "$LATEST",
      invokedFunctionArn: fn.functionArn,
      memoryLimitInMB: String(fn.memorySize),
      logGroupName: logGroupName(fn.functionName),
      ...clientContext(request),
    },
  };
}

function clientContext(request: InvocationRequest): { clientContext?: unknown } {
  if (request.clientContext === undefined) return {};
  try {
    return {
      clientContext: JSON.parse(Buffer.from(request.clientContext, "base64").toString("utf8")),
    };
  } catch {
    return {};
  }
}
