/**
 * Making a hard link, in Linux's order: the link protection (EPERM, see
 * protections.ts), then write and search permission on the directory that
 * gets the new name (EACCES), then the source must not be a directory
 * (EPERM). Existence of the new name (EEXIST) is decided by the caller
 * before any of these.
 */
import type { Attributes } from "./attributes.js";
import { mayCreate } from "./create.js";
import type { Errno } from "./errno.js";
import type { Identity } from "./identity.js";
import { isDirectoryMode } from "./mode.js";
import { type KernelProtections, mayLinkSource, NO_PROTECTIONS } from "./protections.js";

/**
 * Whether `identity` may link `source` into `targetDir`.
 *
 * @example
 * mayLink(makeIdentity(0, 0), attributes(0o040755, 0, 0), attributes(0o040777, 0, 0)); // "EPERM"
 */
export function mayLink(
  identity: Identity,
  source: Attributes,
  targetDir: Attributes,
  protections: KernelProtections = NO_PROTECTIONS,
  readOnly = false,
): Errno | undefined {
  const unsafe = mayLinkSource(identity, source, protections);
  if (unsafe) return unsafe;
  const denied = mayCreate(identity, targetDir, readOnly);
  if (denied) return denied;
  if (isDirectoryMode(source.mode)) return "EPERM";
  return undefined;
}
