/**
 * Finding the system programs the runtime starts (unshare, mount, setpriv,
 * ip, nsenter, smbd, …) by absolute path in the usual system directories,
 * never through the PATH a function or task may set.
 */
import { accessSync, constants } from "node:fs";
import { join } from "node:path";

/** Where system programs are looked for, in order. */
export const SYSTEM_DIRECTORIES = [
  "/usr/local/sbin",
  "/usr/local/bin",
  "/usr/sbin",
  "/usr/bin",
  "/sbin",
  "/bin",
] as const;

/**
 * The absolute path of the executable `name`, if one is found.
 *
 * @example
 * findProgram("ip"); // "/usr/sbin/ip"
 */
export function findProgram(
  name: string,
  directories: readonly string[] = SYSTEM_DIRECTORIES,
): string | undefined {
  for (const directory of directories) {
    const path = join(directory, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}
