/**
 * The handlers the invoke benchmark runs, as CommonJS source zipped for
 * CreateFunction. One handler serves the EFS function: `{ mode: "file" }`
 * writes a 1 KiB file on the mount and reads it back (the per-invocation
 * workload), `{ mode: "loop", n }` times `n` small write+read pairs through
 * the mount and the same loop on the instance's `/tmp` within one
 * invocation, then `n` `statSync` calls on each (through the mount, one
 * bridge round trip that does almost no data-plane work: the transport's
 * floor). The other is a no-op, the floor of an invocation's cost.
 * Handlers check what they read, so a broken bridge fails loudly instead
 * of looking fast.
 */
import { strToU8, zipSync } from "fflate";

/** Where the EFS function mounts its access point. */
export const MOUNT_PATH = "/mnt/bench";

/** The size of the file each `file` invocation writes and reads back. */
export const FILE_BYTES = 1024;

const EFS_HANDLER = `
const fs = require("node:fs");
const MOUNT = ${JSON.stringify(MOUNT_PATH)};
const SIZE = ${FILE_BYTES};
let count = 0;
const payload = (i) => Buffer.alloc(SIZE, String(i % 10));
const pairs = (dir, n) => {
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const file = dir + "/f-" + i;
    const data = payload(i);
    fs.writeFileSync(file, data);
    if (!fs.readFileSync(file).equals(data)) throw new Error("read back differs: " + file);
  }
  const ms = performance.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
};
const stats = (dir, n) => {
  const started = performance.now();
  for (let i = 0; i < n; i++) fs.statSync(dir);
  return performance.now() - started;
};
exports.handler = async (event) => {
  if (event.mode === "loop") {
    const tag = process.pid + "-" + ++count;
    const mountMs = pairs(MOUNT + "/loop-" + tag, event.n);
    const tmpMs = pairs("/tmp/accesslab-bench-loop-" + tag, event.n);
    return { n: event.n, mountMs, tmpMs, mountStatMs: stats(MOUNT, event.n), tmpStatMs: stats("/tmp", event.n) };
  }
  const file = MOUNT + "/file-" + process.pid + ".bin";
  const data = payload(++count);
  fs.writeFileSync(file, data);
  const back = fs.readFileSync(file);
  if (!back.equals(data)) throw new Error("read back differs: " + file);
  return { bytes: back.length };
};
`;

const NOOP_HANDLER = "exports.handler = async () => ({ ok: true });\n";

/**
 * The zipped EFS handler (`index.handler`).
 *
 * @example
 * new CreateFunctionCommand({ ..., Code: { ZipFile: efsHandlerZip() } });
 */
export function efsHandlerZip(): Uint8Array {
  return zipSync({ "index.js": strToU8(EFS_HANDLER) });
}

/**
 * The zipped no-op handler (`index.handler`).
 *
 * @example
 * new CreateFunctionCommand({ ..., Code: { ZipFile: noopHandlerZip() } });
 */
export function noopHandlerZip(): Uint8Array {
  return zipSync({ "index.js": strToU8(NOOP_HANDLER) });
}
