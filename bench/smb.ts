/**
 * `npm run bench -- smb`: accesslab's own SMB 2/3 client
 * (`src/clients/smb`, what Lambda functions use to reach an FSx file
 * system) against the real `smbclient`, side by side, on two real Samba
 * servers started the way accesslab starts them: one requiring encryption
 * (both clients encrypt; the Node client negotiates 3.1.1 with
 * AES-128-GCM) and one with it off (the Node client signs, `smbclient`
 * runs with `--client-protection=off`). Measures a whole short session
 * (connect … ls … close), a 32 MiB write and read back, and 500 files of
 * 1 KiB in one session; after a warm-up, several runs, medians; bytes are
 * compared for correctness (`bench/smb/`). The suite runs in a forked
 * process of its own (`bench/smb/child.ts`), so the modules other suites
 * load do not weigh on the client's numbers. Nothing is asserted.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./smb/child.ts", import.meta.url));

/**
 * Runs the SMB benchmark in a child process and relays its tables (or why it was skipped).
 *
 * @example
 * await runSmbBench();
 */
export async function runSmbBench(): Promise<void> {
  const code = await new Promise<number>((resolve, reject) => {
    const child = fork(CHILD, [], { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) process.exitCode = code;
}
