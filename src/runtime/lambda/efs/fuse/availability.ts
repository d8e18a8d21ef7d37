/**
 * Whether this host can give instances real EFS mounts: accesslab must run
 * as root on Linux (mounting, and opening `/dev/fuse`, need it), the kernel
 * must know the `fuse` file system, `/dev/fuse` must open, `/mnt` must
 * exist (the launcher covers it with a private tmpfs), and `unshare`,
 * `mount`, `mkdir`, `setpriv` and `sh` must be found in the usual system
 * directories. Last, a probe does once what every launch will do: a private
 * mount namespace, a tmpfs on `/mnt` and a FUSE mount from a passed
 * descriptor (a container without CAP_SYS_ADMIN fails here although its
 * uid is 0). Anything missing leaves the `fs` preload as the only way to
 * the mounts, and the reason is logged once. `REAL_MOUNTS_ENABLED` is the
 * switch for the whole layer.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { findProgram } from "../../../process/find-program.js";
import type { LauncherTools } from "../../launcher.js";

/** Switch for real (FUSE) mounts in instances; off, only the `fs` preload serves the mounts. */
export const REAL_MOUNTS_ENABLED = true;

/** The outcome of the check. */
export type RealMountSupport =
  | { readonly ok: true; readonly tools: LauncherTools }
  | { readonly ok: false; readonly reason: string };

function fuseDeviceOpens(device: string): boolean {
  try {
    closeSync(openSync(device, "r+"));
    return true;
  } catch {
    return false;
  }
}

function kernelKnowsFuse(): boolean {
  try {
    return /\sfuse$/m.test(readFileSync("/proc/filesystems", "utf8"));
  } catch {
    return false;
  }
}

/**
 * Checks this host (the uid and platform may be given, for tests).
 *
 * @example
 * const support = realMountSupport();
 * if (!support.ok) console.error(`no real EFS mounts: ${support.reason}`);
 */
export function realMountSupport(
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
): RealMountSupport {
  if (!REAL_MOUNTS_ENABLED) return { ok: false, reason: "switched off (REAL_MOUNTS_ENABLED)" };
  if (platform !== "linux") return { ok: false, reason: "not on Linux" };
  if (uid !== 0) return { ok: false, reason: "accesslab does not run as root" };
  if (!kernelKnowsFuse()) return { ok: false, reason: "the kernel has no `fuse` file system" };
  if (!fuseDeviceOpens("/dev/fuse")) return { ok: false, reason: "`/dev/fuse` cannot be opened" };
  if (!existsSync("/mnt")) return { ok: false, reason: "`/mnt` does not exist" };
  const names = ["unshare", "sh", "mount", "mkdir", "setpriv"] as const;
  const found = names.map((name) => [name, findProgram(name)] as const);
  const missing = found.filter(([, path]) => path === undefined).map(([name]) => `\`${name}\``);
  if (missing.length > 0) return { ok: false, reason: `${missing.join(", ")} not found` };
  const tools = Object.fromEntries(found) as unknown as LauncherTools;
  const failure = probeMount(tools);
  return failure === undefined ? { ok: true, tools } : { ok: false, reason: failure };
}

/** How long the probe may take. */
const PROBE_TIMEOUT_MS = 10_000;

/** Mounts a FUSE descriptor in a throwaway namespace; why it failed, or nothing. */
function probeMount(tools: LauncherTools): string | undefined {
  const fd = openSync("/dev/fuse", "r+");
  try {
    const script = [
      `${tools.mount} -i -n -t tmpfs -o size=1m accesslab-probe /mnt`,
      `${tools.mkdir} /mnt/probe`,
      `${tools.mount} -i -n -t fuse -o fd=3,rootmode=40000,user_id=0,group_id=0 accesslab-probe /mnt/probe`,
    ].join(" && ");
    const probe = spawnSync(
      tools.unshare,
      ["--mount", "--propagation", "private", "--", tools.sh, "-c", script],
      { stdio: ["ignore", "ignore", "pipe", fd], timeout: PROBE_TIMEOUT_MS, encoding: "utf8" },
    );
    if (probe.status === 0) return undefined;
    const said = (probe.stderr ?? "").trim().split("\n")[0] || `exit status ${probe.status}`;
    return `a trial mount failed: ${said}`;
  } finally {
    closeSync(fd);
  }
}
let cached: RealMountSupport | undefined;
let logged = false;

/**
 * The check's result for this process, logging the reason once when real mounts are off.
 *
 * @example
 * const support = cachedRealMountSupport();
 */
export function cachedRealMountSupport(): RealMountSupport {
  cached ??= realMountSupport();
  if (!cached.ok && !logged) {
    logged = true;
    console.error(
      `accesslab: EFS mounts are served to \`fs\` only, no real mount: ${cached.reason}`,
    );
  }
  return cached;
}
