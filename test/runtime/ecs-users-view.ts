/**
 * Test support: `accesslab serve` in a private mount namespace whose
 * `/etc/passwd`, `/etc/group` and `/etc/shadow` are copies (in a
 * directory the test owns) with an `appuser` account (uid and gid 1001)
 * added unless the host already has one. Only the server and the task
 * processes it starts see the account; the host's files are untouched.
 * Needs root and `unshare`.
 */
import { spawn } from "node:child_process";
import type { CliProcess } from "../support/cli-process.js";

const SCRIPT = `set -e
d="$1"
for f in passwd group shadow; do cp "/etc/$f" "$d/$f"; done
if ! grep -q '^appuser:' "$d/passwd"; then
  echo 'appuser:x:1001:1001:appuser:/nonexistent:/bin/sh' >> "$d/passwd"
  echo 'appuser:x:1001:' >> "$d/group"
  echo 'appuser:!:20000:0:99999:7:::' >> "$d/shadow"
fi
for f in passwd group shadow; do mount --bind "$d/$f" "/etc/$f"; done
exec "$2" --import tsx src/cli/main.ts serve --port 0 --in-memory`;

/**
 * Starts the server in the private view; `dir` receives the copied files.
 *
 * @example
 * const serve = privateUsersServe(mkdtempSync(join(tmpdir(), "users-")));
 * await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
 */
export function privateUsersServe(dir: string): CliProcess {
  const child = spawn(
    "unshare",
    ["--mount", "--propagation", "private", "sh", "-c", SCRIPT, "sh", dir, process.execPath],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 300 && !pattern.test(stdout) && child.exitCode === null; i++)
      await new Promise((r) => setTimeout(r, 50));
    return stdout;
  };
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) };
}
