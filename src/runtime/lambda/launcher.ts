/**
 * How an instance's process is started. Usually a plain `fork` of the
 * bootstrap, as the sandbox user when accesslab runs as root on Linux.
 * With real EFS mounts (`efs/fuse/`), the fork goes through a launcher
 * instead: `unshare --mount --propagation private` gives the instance a
 * mount namespace of its own, where a shell (still root, which mounting
 * needs) puts an empty tmpfs on `/mnt` (on Lambda, `/mnt` holds only the
 * function's file systems, and nothing is created on the host), makes each
 * `LocalMountPath` and mounts `/dev/fuse` there from the descriptor the
 * serve process passed (fds 3, 4, …), bind mounts the sandbox user's
 * passwd view over `/etc/passwd`, closes those descriptors, and only then
 * becomes the sandbox user with `setpriv` and executes Node. The
 * process keeps its pid through every `exec`, so the IPC channel (the
 * stdio entry after the FUSE descriptors), the process group and the kill
 * at the timeout work as with a plain fork. Such instances are also killed
 * when accesslab exits: their mounts end with their namespace, which is what
 * wakes the FUSE readers blocked in `read`; a reader still blocked would
 * keep Node's exit waiting for its thread.
 */
import type { ChildProcess, StdioOptions } from "node:child_process";
import { killGroup } from "../process/kill-group.js";
import type { InstanceIdentity } from "./identity.js";

/** One access point to mount for real in the instance's namespace. */
export interface RealMount {
  /** The `LocalMountPath`, e.g. `/mnt/data` (Lambda allows only `/mnt/NAME`). */
  readonly localMountPath: string;
  /** The serve process's `/dev/fuse` descriptor for it. */
  readonly fd: number;
}

/** Absolute paths of the programs the launcher runs. */
export interface LauncherTools {
  readonly unshare: string;
  readonly sh: string;
  readonly mount: string;
  readonly mkdir: string;
  readonly setpriv: string;
}

/** The real mounts of one instance and the tools to make them. */
export interface RealMountPlan {
  readonly tools: LauncherTools;
  readonly mounts: readonly RealMount[];
  /** A passwd file bind mounted over `/etc/passwd` in the namespace (see sandbox-passwd.ts). */
  readonly passwd?: string;
}

/** What `fork` needs besides the module and the environment. */
export interface LaunchOptions {
  readonly execPath?: string;
  readonly execArgv: string[];
  readonly stdio: StdioOptions;
  readonly uid?: number;
  readonly gid?: number;
}

/** The first descriptor number the FUSE descriptors get in the instance. */
const FIRST_FUSE_FD = 3;

/** The device name the mounts show in `/proc/mounts` and `df`. */
const MOUNT_SOURCE = "accesslab-efs";

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The shell script the launcher runs in the new namespace; `"$@"` is Node and its arguments.
 *
 * @example
 * mountScript(plan, { uid: 993, gid: 990 });
 */
export function mountScript(plan: RealMountPlan, identity: InstanceIdentity): string {
  const { tools } = plan;
  const lines = ["set -e", `${tools.mount} -i -n -t tmpfs -o mode=0755,size=1m accesslab-mnt /mnt`];
  plan.mounts.forEach((m, i) => {
    const fd = FIRST_FUSE_FD + i;
    lines.push(`${tools.mkdir} -p ${quote(m.localMountPath)}`);
    lines.push(
      `${tools.mount} -i -n -t fuse -o fd=${fd},rootmode=40000,user_id=0,group_id=0,allow_other ${MOUNT_SOURCE} ${quote(m.localMountPath)}`,
    );
  });
  if (plan.passwd !== undefined)
    lines.push(`${tools.mount} -i -n --bind ${quote(plan.passwd)} /etc/passwd`);
  lines.push(`exec ${plan.mounts.map((_, i) => `${FIRST_FUSE_FD + i}>&-`).join(" ")}`);
  lines.push(
    identity
      ? `exec ${tools.setpriv} --reuid=${identity.uid} --regid=${identity.gid} --clear-groups -- "$@"`
      : `exec "$@"`,
  );
  return lines.join("\n");
}

/**
 * The fork options for an instance: a plain fork (as `identity`), or the launcher when `plan` has mounts.
 *
 * @example
 * fork(modulePath, [], { env, ...launchOptions(identity, ["--max-old-space-size=96"], plan) });
 */
export function launchOptions(
  identity: InstanceIdentity,
  nodeArgv: string[],
  plan?: RealMountPlan,
): LaunchOptions {
  if (!plan || plan.mounts.length === 0)
    return {
      execArgv: nodeArgv,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
    };
  const { tools } = plan;
  return {
    execPath: tools.unshare,
    execArgv: [
      "--mount",
      "--propagation",
      "private",
      "--",
      tools.sh,
      "-c",
      mountScript(plan, identity),
      "accesslab-launcher",
      process.execPath,
      ...nodeArgv,
    ],
    stdio: ["ignore", "pipe", "pipe", ...plan.mounts.map((m) => m.fd), "ipc"],
  };
}

const launched = new Set<ChildProcess>();
let exitHookInstalled = false;

function killLaunched(): void {
  for (const child of launched) killGroup(child.pid);
}

/**
 * Kills `child`'s process group if accesslab exits while it runs.
 *
 * @example
 * if (plan) killAtExit(child);
 */
export function killAtExit(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", killLaunched);
  }
  launched.add(child);
  child.once("exit", () => launched.delete(child));
}
