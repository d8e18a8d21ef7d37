/**
 * The source of the worker thread that reads one FUSE connection: reads
 * from `/dev/fuse` block until the kernel has a request, so they run on a
 * thread of their own (never on the main thread, never on libuv's pool,
 * which a blocked read would starve). Each request read is copied and
 * posted to the main thread, where the data plane lives and the answer is
 * written. EINTR, EAGAIN and ENOENT (a request the kernel withdrew) are
 * retried; EPERM means the descriptor is not mounted yet (the instance's
 * launcher mounts it a moment after the descriptor is opened), so the
 * worker sleeps briefly and tries again until the main thread raises the
 * shared stop flag. ENODEV (the file system was unmounted, e.g. its mount
 * namespace ended with the instance) or any other error ends the loop with
 * an `{ end }` message. Plain JavaScript run with `eval: true`, so it needs
 * no loader and runs the same from `src/` (tsx) and `dist/`.
 */

/** How long the reader sleeps between reads of a descriptor not mounted yet. */
const NOT_MOUNTED_RETRY_MS = 5;

/**
 * The worker's code; `workerData` is `{ fd, size, stop }` (`stop` a shared Int32 flag).
 *
 * @example
 * new Worker(READER_SOURCE, { eval: true, workerData: { fd, size: 196608, stop: new SharedArrayBuffer(4) } });
 */
export const READER_SOURCE = `
const fs = require("node:fs");
const { parentPort, workerData } = require("node:worker_threads");
const { fd, size, stop } = workerData;
const flag = new Int32Array(stop);
const buffer = Buffer.alloc(size);
for (;;) {
  let length;
  try {
    length = fs.readSync(fd, buffer, 0, size, null);
  } catch (error) {
    if (error.code === "EINTR" || error.code === "EAGAIN" || error.code === "ENOENT") continue;
    if (error.code === "EPERM" && Atomics.load(flag, 0) === 0) {
      Atomics.wait(flag, 0, 0, ${NOT_MOUNTED_RETRY_MS});
      continue;
    }
    parentPort.postMessage({ end: String(error.code) });
    break;
  }
  if (length === 0) {
    parentPort.postMessage({ end: "EOF" });
    break;
  }
  const copy = new Uint8Array(length);
  copy.set(buffer.subarray(0, length));
  parentPort.postMessage(copy, [copy.buffer]);
}
`;
