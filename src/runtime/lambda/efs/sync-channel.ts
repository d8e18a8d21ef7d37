/**
 * The instance side of the bridge: a synchronous call over a worker
 * thread. The main thread posts a request to the worker (which owns the
 * loopback connection) and blocks in `Atomics.wait` on a SharedArrayBuffer
 * flag until the worker has posted the answer and set the flag, then
 * takes the answer with `receiveMessageOnPort`. Synchronous `fs` calls
 * need exactly this; the callback and promise forms reuse it.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { BridgeAddress, BridgeAnswer, BridgeFrame, BridgeRequest } from "./bridge-protocol.js";
import { WORKER_SOURCE } from "./worker-source.js";

/**
 * How long a call waits for the serve process before it fails with EIO.
 * The function's own timeout normally ends the instance first.
 */
const CALL_TIMEOUT_MS = 120_000;

/** Sends a request to a mount and waits for the answer. */
export type BridgeCall = (mount: string, request: BridgeRequest) => BridgeAnswer;

/**
 * Starts the worker and answers a blocking call function.
 *
 * @example
 * const call = openSyncChannel({ port, secret, mounts: ["/mnt/data"] });
 * call("/mnt/data", { op: "stat", path: "/" }); // { id: 1, ok: true, value: { mode: 0o40755, … } }
 */
export function openSyncChannel(address: BridgeAddress): BridgeCall {
  const flag = new SharedArrayBuffer(4);
  const signal = new Int32Array(flag);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: { port: address.port, secret: address.secret, flag, reply: port2 },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  let next = 0;
  return (mount, request) => {
    const id = ++next;
    Atomics.store(signal, 0, 0);
    port1.postMessage({ ...request, id, mount } satisfies BridgeFrame);
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (received !== undefined) {
        const answer = received.message as BridgeAnswer;
        if (answer.id === id) return answer;
        continue;
      }
      if (Atomics.wait(signal, 0, 0, CALL_TIMEOUT_MS) === "timed-out")
        return { id, ok: false, errno: "EIO" };
      Atomics.store(signal, 0, 0);
    }
  };
}
