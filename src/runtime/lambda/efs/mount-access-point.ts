/**
 * One FileSystemConfig mounted as Lambda mounts it when an instance
 * initializes (aws-facts C4): the access point is looked up, the network
 * path checked, then the EFS mount runs over TLS with IAM, signed with the
 * same execution-role session the instance gets, as the instance's client
 * identity (the sandbox user; EFS swaps in the access point's PosixUser).
 * A missing path is `EFSMountConnectivityException` (408); any refusal of
 * the mount itself (IAM, a missing root directory without CreationInfo, the
 * access point or file system gone) is `EFSMountFailureException` (403).
 */
import type { Identity } from "../../../engines/posix/identity.js";
import type { ServiceContext } from "../../../services/context.js";
import { type Mount, mount } from "../../../services/efs/mount.js";
import { findAccessPoint } from "../../../services/lambda/file-system-access.js";
import type { FileSystemConfig, LambdaFunction } from "../../../services/lambda/model.js";
import { callerPolicies } from "../../../services/sts/caller-policies.js";
import { resolveAccessKey } from "../../../services/sts/resolve-access-key.js";
import { efsMountConnectivity, efsMountFailure } from "./mount-errors.js";
import { networkPath } from "./network-path.js";

/** What mounting one config needs. */
export interface MountAsk {
  readonly fn: LambdaFunction;
  readonly config: FileSystemConfig;
  /** The instance's access key id (its execution-role session). */
  readonly accessKeyId: string;
  /** The instance's own identity (the sandbox user). */
  readonly client: Identity;
}

/**
 * Mounts one config, or throws the `LambdaError` Invoke answers.
 *
 * @example
 * const mounted = mountAccessPoint(ctx, { fn, config, accessKeyId, client: { uid: 993, gid: 990, groups: [990] } });
 * mounted.session.identity; // the access point's PosixUser, else 993:990
 */
export function mountAccessPoint(ctx: ServiceContext, ask: MountAsk): Mount {
  const { config } = ask;
  const ap = findAccessPoint(ctx, config.arn);
  if (ap === undefined) throw efsMountFailure(config.arn);
  const path = networkPath(ctx, ask.fn, ap.fileSystemId);
  if (!path.ok) throw efsMountConnectivity(config.arn);
  let caller: ReturnType<typeof callerPolicies>;
  try {
    caller = callerPolicies(ctx, resolveAccessKey(ctx, ask.accessKeyId));
  } catch {
    throw efsMountFailure(config.arn);
  }
  const result = mount(ctx, {
    fileSystemId: ap.fileSystemId,
    accessPointId: ap.accessPointId,
    client: ask.client,
    caller,
    tls: true,
    iam: true,
    viaMountTarget: true,
    sourceIp: path.sourceIp,
  });
  if ("refusal" in result) throw efsMountFailure(config.arn);
  return result.mount;
}
