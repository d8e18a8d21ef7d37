/**
 * Finding Samba's programs (`smbd`, `smbpasswd`) on this machine: the
 * directories of PATH, then the system directories where Debian installs
 * them (`/usr/sbin`, `/usr/bin`), since PATH may lack the `sbin` ones.
 * Absent programs are an answer, not an error: the caller says once that
 * data access is unavailable.
 */
import { delimiter } from "node:path";
import { findProgram } from "../process/find-program.js";

/** The programs, or what is missing. */
export type SambaBinaries =
  | { readonly ok: true; readonly smbd: string; readonly smbpasswd: string }
  | { readonly ok: false; readonly problem: string };

const SYSTEM_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

/**
 * The directories to search: PATH's, then the system ones.
 *
 * @example
 * sambaSearchPath("/home/me/bin"); // ["/home/me/bin", "/usr/sbin", "/usr/bin", …]
 */
export function sambaSearchPath(path: string | undefined): string[] {
  return [...(path ?? "").split(delimiter).filter((d) => d !== ""), ...SYSTEM_DIRS];
}

/**
 * Locates `smbd` and `smbpasswd`.
 *
 * @example
 * findSambaBinaries(sambaSearchPath(process.env.PATH)); // { ok: true, smbd: "/usr/sbin/smbd", smbpasswd: "/usr/bin/smbpasswd" }
 */
export function findSambaBinaries(dirs: readonly string[]): SambaBinaries {
  const smbd = findProgram("smbd", dirs);
  const smbpasswd = findProgram("smbpasswd", dirs);
  if (smbd === undefined || smbpasswd === undefined) {
    const missing = [smbd ? undefined : "`smbd`", smbpasswd ? undefined : "`smbpasswd`"]
      .filter((m) => m !== undefined)
      .join(" and ");
    return {
      ok: false,
      problem: `Samba is not installed (${missing} not found): FSx data access is unavailable; install the Debian packages samba and smbclient`,
    };
  }
  return { ok: true, smbd, smbpasswd };
}
