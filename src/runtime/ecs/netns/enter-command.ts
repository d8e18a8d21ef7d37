/**
 * The argument vector that starts a container's main process inside its
 * task's network namespace as the container user: `nsenter
 * --net=<namespace> --setgid=<gid> --setuid=<uid> -- <argv>`. nsenter runs
 * as root, joins the namespace, drops the supplementary groups, switches
 * gid then uid (the capabilities go with root) and execs the container's
 * own argument vector, so the process accesslab spawned is the container's
 * main process (same pid, same process group) with exactly the
 * environment ECS gave it.
 */
import type { ContainerIdentity } from "../container-user.js";

/**
 * The vector to spawn for `argv` in the namespace at `namespacePath`.
 *
 * @example
 * enterCommand("/usr/bin/nsenter", "/proc/42/ns/net", { uid: 1001, gid: 1001, home: "/" }, ["node", "app.mjs"]);
 * // ["/usr/bin/nsenter", "--net=/proc/42/ns/net", "--setgid=1001", "--setuid=1001", "--", "node", "app.mjs"]
 */
export function enterCommand(
  nsenter: string,
  namespacePath: string,
  identity: Pick<ContainerIdentity, "uid" | "gid">,
  argv: readonly string[],
): string[] {
  return [
    nsenter,
    `--net=${namespacePath}`,
    `--setgid=${identity.gid}`,
    `--setuid=${identity.uid}`,
    "--",
    ...argv,
  ];
}
