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
