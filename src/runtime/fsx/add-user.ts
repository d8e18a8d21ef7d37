/**
 * Adding the file system's user to one instance's private passdb with
 * `smbpasswd -c <its smb.conf> -a -s <local user>`: the password goes
 * through standard input (twice, as `-s` reads it), never on a command
 * line, in the environment or in a log; smbpasswd's own output is kept
 * only to explain a failure, and it never contains the password.
 */
import { spawn } from "node:child_process";

/**
 * Sets `localUser`'s SMB password in the passdb of the instance whose configuration is `config`.
 *
 * @example
 * await addSambaUser("/usr/bin/smbpasswd", "/srv/.accesslab/fsx/fs-…/smb.conf", "root", secret);
 */
export function addSambaUser(
  smbpasswd: string,
  config: string,
  localUser: string,
  password: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(smbpasswd, ["-c", config, "-a", "-s", localUser], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = `${output}${chunk.toString("utf8")}`.slice(-2000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) =>
      reject(new Error(`cannot run \`${smbpasswd}\`: ${error.message}`)),
    );
    child.on("close", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`smbpasswd failed (exit ${code}): ${output.trim().split("\n").join("; ")}`),
        );
    });
    child.stdin.end(`${password}\n${password}\n`);
  });
}
