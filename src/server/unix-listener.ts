/**
 * A second way into the same HTTP server: a Unix domain socket listener
 * whose connections are handed to the node:http server as if it had
 * accepted them itself. ECS task networks need it: a task's private
 * network namespace cannot reach the host's loopback, but a Unix socket is
 * a file, reachable from any network namespace that shares the mount
 * namespace, so a task's forwarder carries its connections through it.
 * Such connections are local by construction (the socket lives in a
 * directory only root can enter), and {@link isUnixSocketConnection}
 * lets the workload endpoints' local-origin rule say so.
 */
import { rmSync } from "node:fs";
import type { Server } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";

const accepted = new WeakSet<Socket>();

/**
 * Whether a socket came through a {@link listenUnixSocket} listener.
 *
 * @example
 * isUnixSocketConnection(message.socket); // true for a task forwarder's request
 */
export function isUnixSocketConnection(socket: Socket | null | undefined): boolean {
  return socket !== null && socket !== undefined && accepted.has(socket);
}

/**
 * Listens on the Unix socket `path` (a stale file there is replaced) and
 * feeds every connection to `server`; resolves with the listener.
 *
 * @example
 * const unix = await listenUnixSocket(httpServer, "/tmp/accesslab-ecs-net-x/api.sock");
 * unix.close();
 */
export function listenUnixSocket(server: Server, path: string): Promise<NetServer> {
  rmSync(path, { force: true });
  const listener = createNetServer((socket) => {
    accepted.add(socket);
    server.emit("connection", socket);
  });
  return new Promise((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(path, () => {
      listener.off("error", reject);
      resolve(listener);
    });
  });
}
