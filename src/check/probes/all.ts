/**
 * Every probe `accesslab check` runs on a deployed template, in the order
 * their findings are listed: file systems, access points, the functions
 * that mount them, task definitions, then role trust.
 */
import type { Probe } from "../probe.js";
import { probeEcsTaskCredentials } from "./ecs-task-credentials.js";
import { probeAccessPoints } from "./efs-access-points.js";
import { probeFileSystems } from "./efs-file-systems.js";
import { probeSharedRoots } from "./efs-shared-roots.js";
import { probeWriteWithoutMount } from "./efs-write-without-mount.js";
import { probeLambdaEfs } from "./lambda-efs.js";
import { probeNetworkPaths } from "./network-paths.js";
import { probeRoleTrust } from "./role-trust.js";
import { probeSecretReads } from "./secret-reads.js";

/**
 * The probes, in order.
 *
 * @example
 * const findings = PROBES.flatMap((probe) => probe(run));
 */
export const PROBES: readonly Probe[] = [
  probeFileSystems,
  probeWriteWithoutMount,
  probeAccessPoints,
  probeSharedRoots,
  probeLambdaEfs,
  probeNetworkPaths,
  probeSecretReads,
  probeEcsTaskCredentials,
  probeRoleTrust,
];
