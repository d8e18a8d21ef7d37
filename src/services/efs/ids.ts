/**
 * EFS resource identifiers and ARNs as AWS writes them: a prefix and 17
 * lowercase hex characters (`fs-0123456789abcdef0`), which Lambda's
 * FileSystemConfig ARN pattern requires.
 */

/** The id prefixes EFS uses. */
export type EfsIdPrefix = "fs" | "fsap" | "fsmt";

/** A source of random bytes (injected so that tests and engines stay deterministic). */
export type RandomBytes = (length: number) => Uint8Array;

const ID_PATTERN: Record<EfsIdPrefix, RegExp> = {
  fs: /^fs-[0-9a-f]{8,40}$/,
  fsap: /^fsap-[0-9a-f]{8,40}$/,
  fsmt: /^fsmt-[0-9a-f]{8,40}$/,
};

/**
 * Generates an id with 17 hex characters.
 *
 * @example
 * newEfsId("fsap", randomBytes); // "fsap-0a1b2c3d4e5f60718"
 */
export function newEfsId(prefix: EfsIdPrefix, random: RandomBytes): string {
  const hex = Array.from(random(9), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${prefix}-${hex.slice(0, 17)}`;
}

/** True when `id` has the shape EFS gives ids of that prefix. */
export function isEfsId(prefix: EfsIdPrefix, id: string): boolean {
  return ID_PATTERN[prefix].test(id);
}

/** The ARN of a file system. */
export function fileSystemArn(region: string, account: string, id: string): string {
  return `arn:aws:elasticfilesystem:${region}:${account}:file-system/${id}`;
}

/** The ARN of an access point. */
export function accessPointArn(region: string, account: string, id: string): string {
  return `arn:aws:elasticfilesystem:${region}:${account}:access-point/${id}`;
}
