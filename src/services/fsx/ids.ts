/**
 * FSx identifiers as AWS writes them: file system ids `fs-` and 17
 * lowercase hex characters, ARNs `arn:aws:fsx:<region>:<account>:file-system/<id>`,
 * network interface ids `eni-` and 17 hex, and the DNS name of a Windows
 * file system joined to a self-managed directory: `amznfsx` and 8
 * lowercase letters or digits, then the directory's domain
 * (e.g. `amznfsxabc12def.corp.example.com`).
 */

/** A source of random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function hex17(random: RandomBytes): string {
  return Array.from(random(9), (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, 17);
}

/**
 * A new file system id.
 *
 * @example
 * newFileSystemId(randomBytes); // "fs-0a1b2c3d4e5f60718"
 */
export function newFileSystemId(random: RandomBytes): string {
  return `fs-${hex17(random)}`;
}

/**
 * A new network interface id.
 *
 * @example
 * newInterfaceId(randomBytes); // "eni-0a1b2c3d4e5f60718"
 */
export function newInterfaceId(random: RandomBytes): string {
  return `eni-${hex17(random)}`;
}

/** True when `id` has the shape of an FSx file system id (aws: `^(fs-[0-9a-f]{8,})$`). */
export function isFileSystemId(id: string): boolean {
  return /^fs-[0-9a-f]{8,21}$/.test(id);
}

/**
 * The ARN of a file system.
 *
 * @example
 * fsxArn("us-east-1", "000000000000", "fs-0123456789abcdef0");
 * // "arn:aws:fsx:us-east-1:000000000000:file-system/fs-0123456789abcdef0"
 */
export function fsxArn(region: string, account: string, id: string): string {
  return `arn:aws:fsx:${region}:${account}:file-system/${id}`;
}

/**
 * A DNS name in the directory's domain, as FSx gives Windows file systems.
 *
 * @example
 * windowsDnsName(randomBytes, "corp.example.com"); // "amznfsxk2m9x0qa.corp.example.com"
 */
export function windowsDnsName(random: RandomBytes, domain: string): string {
  const label = Array.from(random(8), (b) => ALNUM[b % ALNUM.length]).join("");
  return `amznfsx${label}.${domain.toLowerCase()}`;
}
