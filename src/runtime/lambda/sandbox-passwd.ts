/**
 * The private passwd view of an instance that runs in its own mount
 * namespace: the host's `/etc/passwd` plus the sandbox user's entry, bind
 * mounted over `/etc/passwd` inside the namespace only, so `id -a` in the
 * function prints `uid=993(sbx_user1051) gid=990 groups=990` as on Lambda
 * (gid 990 has no name there either) and `os.homedir()` answers. The file
 * is written once per process, in a private temporary directory.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SANDBOX_HOME, SANDBOX_USER } from "./assumptions.js";

/**
 * The host's passwd text with the sandbox user added unless its uid is already there.
 *
 * @example
 * withSandboxUser("root:x:0:0:root:/root:/bin/sh\n"); // "root:x:0:0:…\nsbx_user1051:x:993:990::/home/sbx_user1051:/sbin/nologin\n"
 */
export function withSandboxUser(hostPasswd: string): string {
  const taken = hostPasswd
    .split("\n")
    .some((line) => line.split(":")[2] === String(SANDBOX_USER.uid));
  if (taken) return hostPasswd;
  const entry = `${SANDBOX_USER.name}:x:${SANDBOX_USER.uid}:${SANDBOX_USER.gid}::${SANDBOX_HOME}:/sbin/nologin`;
  return `${hostPasswd.replace(/\n?$/, "\n")}${entry}\n`;
}

let written: string | undefined;

/**
 * The path of the view, written on first use.
 *
 * @example
 * sandboxPasswdFile(); // "/tmp/accesslab-passwd-…/passwd"
 */
export function sandboxPasswdFile(): string {
  if (written !== undefined) return written;
  const path = join(mkdtempSync(join(tmpdir(), "accesslab-passwd-")), "passwd");
  writeFileSync(path, withSandboxUser(readFileSync("/etc/passwd", "utf8")), { mode: 0o644 });
  written = path;
  return path;
}
