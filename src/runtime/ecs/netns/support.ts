/**
 * Whether this host can give each task a private network namespace, the
 * way Fargate gives each task its own network stack: accesslab must run as
 * root on Linux, the programs `unshare`, `ip` and `nsenter` must be found
 * (util-linux and iproute2), and `unshare --net` must actually work (it is
 * refused in many unprivileged containers). Asked once per process: the
 * probe runs `ip link set lo up` inside a throwaway namespace, which is
 * exactly what a task's forwarder does first.
 */
import { spawnSync } from "node:child_process";
import { findProgram } from "../../process/find-program.js";

/** Absolute paths of the programs a task network needs. */
export interface NetnsTools {
  readonly unshare: string;
  readonly ip: string;
  readonly nsenter: string;
}

/** The tools, or why per-task namespaces are not available here. */
export type NetnsSupport =
  | { readonly ok: true; readonly tools: NetnsTools }
  | { readonly ok: false; readonly reason: string };

/** Where the programs are looked for (root's PATH may lack the sbin directories). */

let cached: NetnsSupport | undefined;

/**
 * The answer for this host, probed on first use.
 *
 * @example
 * const support = networkNamespaceSupport();
 * if (!support.ok) console.log(support.reason); // "accesslab is not root"
 */
export function networkNamespaceSupport(): NetnsSupport {
  cached ??= probe();
  return cached;
}

function probe(): NetnsSupport {
  if (process.platform !== "linux") return { ok: false, reason: "not Linux" };
  if (process.getuid?.() !== 0) return { ok: false, reason: "accesslab is not root" };
  const unshare = findProgram("unshare");
  const ip = findProgram("ip");
  const nsenter = findProgram("nsenter");
  if (!unshare || !ip || !nsenter) {
    const missing = [!unshare && "unshare", !ip && "ip", !nsenter && "nsenter"].filter(Boolean);
    return { ok: false, reason: `missing program(s): ${missing.join(", ")}` };
  }
  const tried = spawnSync(unshare, ["--net", "--", ip, "link", "set", "lo", "up"], {
    encoding: "utf8",
    timeout: 5_000,
  });
  if (tried.status !== 0) {
    const why = (tried.stderr || tried.error?.message || `exit ${tried.status}`).trim();
    return { ok: false, reason: `\`unshare --net\` failed: ${why}` };
  }
  return { ok: true, tools: { unshare, ip, nsenter } };
}
