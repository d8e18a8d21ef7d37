/**
 * What the server runs with: the store and the service context built over
 * it (clock, random source, account), whether IAM is enforced, the request
 * body read cap (by default the largest any operation accepts, see
 * `handlers/largest-body.ts`) and where internal failures are logged. Built once by
 * `createServerEnv` and passed to every step of the handler chain.
 */
import { randomBytes } from "node:crypto";
import { DEFAULT_REGION, type ServiceContext } from "../services/context.js";
import type { TaskRunner } from "../services/ecs/task-port.js";
import type { SmbServers } from "../services/fsx/smb-port.js";
import type { FunctionRunner } from "../services/lambda/invoke-port.js";
import { DEFAULT_ACCOUNT } from "../services/sts/bootstrap.js";
import type { Store } from "../store/port.js";
import { SERVER_MAX_BODY_BYTES } from "./handlers/largest-body.js";

/** The server's dependencies and settings. */
export interface ServerEnv {
  /** The services' context (store, clock, random, account, region). */
  readonly services: ServiceContext;
  /** When false, unsigned or wrongly signed requests are accepted (see `authenticate`). */
  readonly enforceIam: boolean;
  /** How much of a body is read at most (the largest operation's cap); bindings enforce their own. */
  readonly maxBodyBytes: number;
  /** Writes one line about an internal failure (stderr by default). */
  readonly log: (line: string) => void;
}

/** Settings a caller may override. */
export interface ServerEnvOptions {
  readonly store: Store;
  readonly enforceIam?: boolean;
  readonly maxBodyBytes?: number;
  readonly clock?: () => number;
  readonly region?: string;
  readonly log?: (line: string) => void;
  /** Runs Lambda functions' code for Invoke (see `runtime/lambda`); without it Invoke cannot run code. */
  readonly functionRunner?: FunctionRunner;
  /** Runs ECS tasks' containers for RunTask (see `runtime/ecs`); without it RunTask cannot run. */
  readonly taskRunner?: TaskRunner;
  /** Serves FSx file systems over SMB (see `runtime/fsx`); without it FSx has no data side. */
  readonly smbServers?: SmbServers;
}

/**
 * Builds the server's environment over a store.
 *
 * @example
 * const env = createServerEnv({ store: openStore({ kind: "memory" }) });
 * env.services.account; // "000000000000"
 */
export function createServerEnv(options: ServerEnvOptions): ServerEnv {
  return {
    services: {
      store: options.store,
      clock: options.clock ?? Date.now,
      random: (n) => new Uint8Array(randomBytes(n)),
      account: DEFAULT_ACCOUNT,
      region: options.region ?? DEFAULT_REGION,
      ...(options.functionRunner ? { functionRunner: options.functionRunner } : {}),
      ...(options.taskRunner ? { taskRunner: options.taskRunner } : {}),
      ...(options.smbServers ? { smbServers: options.smbServers } : {}),
    },
    enforceIam: options.enforceIam ?? true,
    maxBodyBytes: options.maxBodyBytes ?? SERVER_MAX_BODY_BYTES,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
}
