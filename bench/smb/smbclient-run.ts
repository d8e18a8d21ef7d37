/**
 * One timed run of the real `smbclient` against a benchmark server:
 * `smbclient //127.0.0.1/share -p PORT -U user%password -m MAX
 * --client-protection=P -c COMMANDS`, from spawn to exit, as a user's
 * shell would pay for it (process start, connect, sign in, tree connect,
 * the commands, logoff). A run that exits non-zero throws with its
 * output: a failed run would make every number meaningless.
 */
import { spawn } from "node:child_process";
import type { BenchServer } from "./servers.js";

/** What one run printed and how long it took. */
export interface SmbclientTiming {
  readonly wallMs: number;
  readonly output: string;
}

/**
 * Runs `smbclient` with `commands` against `server`, in `cwd` (local file names are relative to it).
 *
 * @example
 * const { wallMs } = await timeSmbclient(servers.required, "ls", tmp);
 */
export function timeSmbclient(
  server: BenchServer,
  commands: string,
  cwd: string,
): Promise<SmbclientTiming> {
  const s = server.smbclient;
  const args = [
    "//127.0.0.1/share",
    "-p",
    String(s.port),
    "-U",
    `${s.user}%${s.password}`,
    "-m",
    s.maxProtocol,
    `--client-protection=${s.protection}`,
    "-c",
    commands,
  ];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("smbclient", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      const output = Buffer.concat(chunks).toString("utf8");
      if (code === 0 && !/NT_STATUS_/.test(output)) resolve({ wallMs, output });
      else
        reject(
          new Error(
            `smbclient against the \`${server.label}\` server failed (exit ${code}): ${output.slice(0, 400)}`,
          ),
        );
    });
  });
}

/**
 * `commands` repeated `times` times, joined as one `-c` command string.
 *
 * @example
 * repeated("ls", 3); // "ls; ls; ls"
 */
export function repeated(command: string, times: number): string {
  return Array.from({ length: times }, () => command).join("; ");
}
