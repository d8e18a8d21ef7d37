/**
 * The source of the worker thread an instance's `fs` preload starts: it
 * holds the loopback connection to the serve process's bridge, sends the
 * secret first, forwards each request the main thread posts, and when the
 * answer line arrives posts it back and wakes the main thread, which is
 * blocked in `Atomics.wait` on the shared flag (the sync-over-worker
 * pattern). Kept as plain JavaScript text run with `eval: true`, so it
 * needs no loader and works the same from `src/` (tsx) and `dist/`. A lost
 * connection answers every pending and later request with `EIO`.
 */

/**
 * The worker's code; `workerData` is `{ port, secret, flag, reply }`.
 *
 * @example
 * new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [reply] });
 */
export const WORKER_SOURCE = `
const net = require("node:net");
const { workerData } = require("node:worker_threads");
const { port, secret, flag, reply } = workerData;
const signal = new Int32Array(flag);
let broken = false;
const pending = [];
let buffered = "";
function wake(answer) {
  reply.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
const socket = net.connect({ host: "127.0.0.1", port });
// written first: the socket queues writes made before it connects, in order
socket.write(JSON.stringify({ secret }) + "\\n");
socket.setNoDelay(true);
socket.setEncoding("utf8");
socket.on("data", (chunk) => {
  buffered += chunk;
  let end = buffered.indexOf("\\n");
  while (end >= 0) {
    const line = buffered.slice(0, end);
    buffered = buffered.slice(end + 1);
    pending.shift();
    wake(JSON.parse(line));
    end = buffered.indexOf("\\n");
  }
});
function fail() {
  broken = true;
  while (pending.length > 0) wake({ id: pending.shift(), ok: false, errno: "EIO" });
}
socket.on("error", fail);
socket.on("close", fail);
reply.on("message", (frame) => {
  if (broken) return wake({ id: frame.id, ok: false, errno: "EIO" });
  pending.push(frame.id);
  socket.write(JSON.stringify(frame) + "\\n");
});
`;
