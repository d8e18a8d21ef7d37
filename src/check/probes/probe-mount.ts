/**
 * Mounting as a probe: through an access point (or the file system root)
 * over TLS with IAM authorization, signed as the account root, so that
 * what the result shows is the access point and the directory tree, not
 * anyone's IAM policies (those have probes of their own). The client
 * process is the Lambda sandbox user; an access point's PosixUser replaces
 * it, as EFS does.
 */
import type { ServiceContext } from "../../services/context.js";
import { type Mount, type MountRefusal, mount } from "../../services/efs/mount.js";
import { LAMBDA_SANDBOX_IDENTITY } from "../../services/lambda/assumptions.js";

/** The private address probes mount from (inside any VPC the template has). */
export const PROBE_SOURCE_IP = "10.0.0.10";

/**
 * Mounts `fileSystemId` (through `accessPointId` when given) as the probe.
 *
 * @example
 * const result = probeMount(ctx, "fs-0123456789abcdef0", "fsap-0123456789abcdef0");
 * if ("refusal" in result) result.refusal.code; // "root-directory-missing"
 */
export function probeMount(
  ctx: ServiceContext,
  fileSystemId: string,
  accessPointId?: string,
): { mount: Mount } | { refusal: MountRefusal } {
  return mount(ctx, {
    fileSystemId,
    ...(accessPointId === undefined ? {} : { accessPointId }),
    client: { ...LAMBDA_SANDBOX_IDENTITY, groups: [...LAMBDA_SANDBOX_IDENTITY.groups] },
    caller: { principal: `arn:aws:iam::${ctx.account}:root`, identityPolicies: [] },
    tls: true,
    iam: true,
    viaMountTarget: true,
    sourceIp: PROBE_SOURCE_IP,
  });
}
