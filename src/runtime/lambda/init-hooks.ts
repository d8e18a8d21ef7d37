/**
 * The extension point of an instance's init phase: hooks run after the
 * code is unpacked and the environment is built, and before the process
 * starts and its handler loads. This is where a step such as "for each
 * FileSystemConfig, mount the access point at LocalMountPath" belongs: a
 * hook may refuse the start by throwing a `LambdaError` (which Invoke then
 * answers, e.g. `EFSMountFailureException`, 403), add environment
 * variables, and name modules the instance imports before the handler
 * (e.g. one that routes `fs` calls under a mount path through the EFS data
 * plane). accesslab registers one, `efs/mount-hook.ts`, when the runner is
 * given the services' context.
 */
import type { InvocationRequest } from "../../services/lambda/invoke-port.js";

/** What a hook sees and may change about the instance about to start. */
export interface InstanceSetup {
  readonly request: InvocationRequest;
  readonly taskRoot: string;
  /** The instance's environment; a hook may add variables. */
  readonly env: Record<string, string>;
  /** Absolute paths of modules the instance imports before the handler, in order. */
  readonly preload: string[];
  /** Run when the instance stops (unmount, close connections). */
  readonly onStop: (() => void)[];
}

/**
 * A step of the init phase.
 *
 * @example
 * const mountFileSystems: InstanceInitHook = async (setup) => {
 *   for (const config of setup.request.fn.fileSystemConfigs) await mount(config, setup);
 * };
 */
export type InstanceInitHook = (setup: InstanceSetup) => void | Promise<void>;
