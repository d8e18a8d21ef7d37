/**
 * Where the EFS init hook leaves the real mounts it prepared for the
 * instance about to start, for the runner to hand to the launcher: keyed by
 * the hook's `InstanceSetup` object, so the init-hook interface stays as it
 * is (a hook that prepares nothing leaves nothing).
 */
import type { InstanceSetup } from "../../init-hooks.js";
import type { LauncherTools, RealMount, RealMountPlan } from "../../launcher.js";
import { sandboxPasswdFile } from "../../sandbox-passwd.js";

const plans = new WeakMap<
  InstanceSetup,
  { tools: LauncherTools; mounts: RealMount[]; passwd: string }
>();

/**
 * Records one real mount for the instance of `setup`.
 *
 * @example
 * addRealMount(setup, tools, { localMountPath: "/mnt/data", fd: server.fd });
 */
export function addRealMount(setup: InstanceSetup, tools: LauncherTools, mount: RealMount): void {
  const plan = plans.get(setup) ?? { tools, mounts: [], passwd: sandboxPasswdFile() };
  plan.mounts.push(mount);
  plans.set(setup, plan);
}

/**
 * The real mounts recorded for `setup`, if any.
 *
 * @example
 * new Instance({ ...spec, realMounts: realMountPlan(setup) });
 */
export function realMountPlan(setup: InstanceSetup): RealMountPlan | undefined {
  return plans.get(setup);
}
