/**
 * EFS behaviour the AWS documentation leaves open, each as one named
 * constant (see docs/efs.md). Change them here only.
 */

/**
 * UNCONFIRMED (aws-facts B4): without ClientRootAccess, root is "converted
 * to a user with limited permissions". We squash uid 0 and gid 0 to 65534,
 * the `nfsnobody`/`nobody` ids Linux NFS servers use for `root_squash`.
 */
export const SQUASHED_UID = 65534;
/** See {@link SQUASHED_UID}. */
export const SQUASHED_GID = 65534;

/**
 * UNCONFIRMED (aws-facts A9): the owner and mode of intermediate
 * directories EFS creates for a nested access point root path. We create
 * them as root:root 0755, like a new file system's root (A14).
 */
export const INTERMEDIATE_DIRECTORY = { uid: 0, gid: 0, mode: 0o755 } as const;

/**
 * The access point root must carry an execute bit "for the access point
 * user, group or others" (aws-facts A10), read as: at least one of the three
 * x bits. Seeds-digest section 1 scenario 3 supports this reading: uid 993
 * (class other, r--) mounted a 764 root and only its write failed.
 */
export const ROOT_NEEDS_ANY_EXECUTE_BIT = 0o111;

/** The maximum number of access points per file system (aws-facts A11). */
export const ACCESS_POINT_LIMIT = 10_000;

/**
 * Page sizes when the caller gives no MaxItems/MaxResults: the EFS API
 * reference gives 100 for DescribeFileSystems, DescribeAccessPoints and
 * ListTagsForResource and 10 for DescribeMountTargets. UNCONFIRMED: the
 * reference says a caller's MaxItems is "automatically set to 10, and other
 * values are ignored"; we honour the caller's value instead, so the SDK's
 * page size works as callers expect.
 */
export const DEFAULT_PAGE_SIZE = {
  fileSystems: 100,
  mountTargets: 10,
  accessPoints: 100,
  tags: 100,
} as const;
/**
 * UNCONFIRMED: the largest page a caller may ask for. The API reference
 * gives a minimum of 1 and no maximum; we accept up to 1,000 and refuse
 * larger values with BadRequest.
 */
export const MAX_PAGE_SIZE = 1000;

/**
 * UNCONFIRMED: the metered size of a new, empty file system. AWS reports a
 * few KiB for the empty root's metadata; describe-file-systems on a fresh
 * file system commonly shows 6144 bytes, all in the Standard class.
 */
export const EMPTY_FILE_SYSTEM_BYTES = 6144;

/**
 * UNCONFIRMED: when CreateMountTarget names no SecurityGroups, AWS uses the
 * VPC's default security group. When accesslab knows no security group
 * named `default` in the VPC, the mount target gets none (rather than
 * failing), so reachability checks then find no rule that admits NFS.
 */
export const MOUNT_TARGET_DEFAULT_GROUP_NAME = "default";
