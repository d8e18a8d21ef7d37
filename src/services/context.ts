/**
 * What every service needs from its surroundings, in one value the server
 * builds once: the store, a clock, a random source for ids and secrets, and
 * the account and region the emulator acts in. Each service's own context
 * (`IamContext`, `EfsContext`, …) is a subset of it. A composition that can
 * run workloads (serve, the CLI) also passes the function runner Lambda's
 * Invoke hands code to, and the task runner ECS's RunTask hands containers
 * to; without them, Invoke answers `ServiceException` and RunTask
 * `ServerException`. It may also pass the SMB servers FSx's Windows file
 * systems are served by; without them, the FSx API works and data access
 * is unavailable.
 */
import type { Store } from "../store/port.js";
import type { TaskRunner } from "./ecs/task-port.js";
import type { SmbServers } from "./fsx/smb-port.js";
import type { FunctionRunner } from "./lambda/invoke-port.js";

/** The services' shared dependencies. */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: () => number;
  readonly random: (length: number) => Uint8Array;
  readonly account: string;
  readonly region: string;
  /** Runs Lambda functions' code (absent where nothing may run, as in `check`). */
  readonly functionRunner?: FunctionRunner;
  /** Runs ECS tasks' containers (absent where nothing may run, as in `check`). */
  readonly taskRunner?: TaskRunner;
  /** Serves FSx file systems over SMB (absent where nothing may run, as in `check`). */
  readonly smbServers?: SmbServers;
}

/** The region accesslab acts in unless told otherwise. */
export const DEFAULT_REGION = "us-east-1";
