/**
 * The EFS API (2015-02-01) over rest-json as one binding: the file system,
 * mount target, access point, policy and tag operations, each planned with
 * its `elasticfilesystem:*` access ask. A refusal is 403
 * `AccessDeniedException` with AWS's message.
 */
import { accessDenied } from "../../services/efs/errors.js";
import { ACCESS_POINT_OPERATIONS } from "./efs-access-points.js";
import { FILE_SYSTEM_OPERATIONS } from "./efs-file-systems.js";
import { MOUNT_TARGET_OPERATIONS } from "./efs-mount-targets.js";
import { POLICY_AND_TAG_OPERATIONS } from "./efs-policy-tags.js";
import type { ServiceBinding } from "./handler.js";
import { type RestOperation, restBinding } from "./rest-binding.js";

/**
 * Every EFS operation accesslab answers.
 *
 * @example
 * EFS_OPERATIONS.map((op) => op.name).includes("CreateFileSystem"); // true
 */
export const EFS_OPERATIONS: readonly RestOperation[] = [
  ...FILE_SYSTEM_OPERATIONS,
  ...MOUNT_TARGET_OPERATIONS,
  ...ACCESS_POINT_OPERATIONS,
  ...POLICY_AND_TAG_OPERATIONS,
];

/**
 * The EFS binding, registered as `efs` in the service table.
 *
 * @example
 * EFS_BINDING.denied("User: … is not authorized …").code; // "AccessDeniedException"
 */
export const EFS_BINDING: ServiceBinding = restBinding(EFS_OPERATIONS, accessDenied);
