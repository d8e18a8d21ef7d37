/**
 * The identity a file operation runs as: a user id, a primary group id and
 * supplementary groups, as Linux keeps them in a process's credentials (and
 * as an EFS access point's PosixUser gives them). uid 0 is the superuser:
 * in this engine it holds every capability Linux gives root (no root
 * squashing here; callers that squash map the identity before it arrives).
 */

/** Who performs an operation. */
export interface Identity {
  readonly uid: number;
  readonly gid: number;
  /** Supplementary groups (the primary `gid` need not be repeated). */
  readonly groups: readonly number[];
}

/** The superuser's uid. */
export const ROOT_UID = 0;

/**
 * Builds an identity.
 *
 * @example
 * makeIdentity(1001, 1001, [993]); // { uid: 1001, gid: 1001, groups: [993] }
 */
export function makeIdentity(uid: number, gid: number, groups: readonly number[] = []): Identity {
  return { uid, gid, groups };
}

/**
 * Whether the identity is the superuser (uid 0), which bypasses read and
 * write permission checks and may chown.
 *
 * @example
 * isSuperuser(makeIdentity(0, 0)); // true
 */
export function isSuperuser(identity: Identity): boolean {
  return identity.uid === ROOT_UID;
}

/**
 * Whether `gid` is the identity's primary group or one of its supplementary
 * groups (Linux's `in_group_p`).
 *
 * @example
 * inGroup(makeIdentity(1001, 1001, [993]), 993); // true
 */
export function inGroup(identity: Identity, gid: number): boolean {
  return identity.gid === gid || identity.groups.includes(gid);
}

/**
 * Whether the identity is in `gid` or is the superuser (Linux's
 * `in_group_or_capable` with CAP_FSETID): decides whether S_ISGID survives.
 *
 * @example
 * inGroupOrSuperuser(makeIdentity(0, 0), 1001); // true
 */
export function inGroupOrSuperuser(identity: Identity, gid: number): boolean {
  return isSuperuser(identity) || inGroup(identity, gid);
}
