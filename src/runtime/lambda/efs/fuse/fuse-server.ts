/**
 * The serve side of one real mount: opens `/dev/fuse` (the descriptor the
 * instance's launcher hands to `mount -t fuse -o fd=…` inside the
 * instance's mount namespace), reads requests on a worker thread and
 * answers each on the main thread by running it on the mount's data-plane
 * session. The connection ends when the kernel unmounts the file system,
 * which happens when the instance's mount namespace ends with its last
 * process; `close` then releases the descriptor (a read in progress keeps
 * it until then, so `close` also waits for that end). Until the launcher
 * has mounted the descriptor, reads fail with EPERM and the reader polls;
 * `close` stops that polling too, e.g. when the instance never started.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { ServiceContext } from "../../../../services/context.js";
import type { FileSession } from "../../../../services/efs/file-tree.js";
import { dispatch } from "./dispatch.js";
import { IN_HEADER_SIZE, MAX_WRITE } from "./opcodes.js";
import { READER_SOURCE } from "./reader-source.js";
import { FuseVolume } from "./volume.js";
import { parseRequest } from "./wire.js";

/** The read buffer: a WRITE's header, its `fuse_write_in` and the largest data, with room to spare. */
const READ_BUFFER_SIZE = MAX_WRITE + IN_HEADER_SIZE + 64 * 1024;

let live = 0;

/**
 * How many FUSE connections of this process the kernel has not ended yet.
 *
 * @example
 * liveFuseConnections(); // 0 once every instance with a real mount has stopped
 */
export function liveFuseConnections(): number {
  return live;
}

/** A FUSE connection being served. */
export interface FuseServer {
  /** The `/dev/fuse` descriptor to hand to the mount (fd passing). */
  readonly fd: number;
  /** Resolves when the kernel ended the connection (unmount). */
  readonly ended: Promise<string>;
  /** Releases the descriptor once the connection has ended. */
  close(): void;
}

/**
 * Opens `/dev/fuse` and serves it for `session`.
 *
 * @example
 * const server = startFuseServer(ctx, mount.session);
 * spawn(launcher, { stdio: ["ignore", "pipe", "pipe", server.fd, "ipc"] });
 */
export function startFuseServer(
  ctx: ServiceContext,
  session: FileSession,
  device = "/dev/fuse",
): FuseServer {
  const fd = openSync(device, "r+");
  const volume = new FuseVolume(ctx, session);
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(READER_SOURCE, {
    eval: true,
    workerData: { fd, size: READ_BUFFER_SIZE, stop },
  });
  worker.unref();
  let closeWanted = false;
  let closed = false;
  const release = () => {
    if (closed) return;
    closed = true;
    closeSync(fd);
  };
  live += 1;
  const ended = new Promise<string>((resolve) => {
    worker.on("message", (message: Uint8Array | { end: string }) => {
      if (!(message instanceof Uint8Array)) return resolve(message.end);
      const request = parseRequest(Buffer.from(message.buffer, message.byteOffset, message.length));
      if (!request) return;
      const frame = dispatch(volume, request);
      if (!frame || closed) return;
      try {
        writeSync(fd, frame);
      } catch {
        // ENOENT: the kernel withdrew the request (interrupted); nothing to answer
      }
    });
    worker.on("error", (error) => resolve(error.message));
    worker.on("exit", () => resolve("exit"));
  });
  void ended.then(() => {
    live -= 1;
    if (closeWanted) release();
  });
  return {
    fd,
    ended,
    close() {
      closeWanted = true;
      // a reader still waiting for the mount stops; a mounted one ends at the unmount
      Atomics.store(new Int32Array(stop), 0, 1);
      void ended.then(release);
    },
  };
}
