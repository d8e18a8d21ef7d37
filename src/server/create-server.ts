/**
 * The node:http server around the handler chain, and starting it: listen
 * on a host and port (port 0 picks a free one), report the bound address,
 * and close it again (dropping keep-alive connections so close is prompt,
 * then writing the audit records still queued).
 * A failed listen (port in use) rejects with node's error. With
 * `unixSocket`, the same server also accepts connections on that Unix
 * domain socket (see `unix-listener.ts`; ECS task networks use it).
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { writeResponse } from "../protocol/node-http.js";
import { flushAudit } from "./audit.js";
import { handleRequest } from "./chain.js";
import type { ServerEnv } from "./env.js";
import { listenUnixSocket } from "./unix-listener.js";

/** A listening server. */
export interface RunningServer {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** `http://host:port`. */
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * A node:http server that answers every request through the chain.
 *
 * @example
 * createServer(env).listen(4566, "127.0.0.1");
 */
export function createServer(env: ServerEnv): Server {
  return createHttpServer((message, res) => {
    handleRequest(message, env).then(
      (response) => writeResponse(res, response),
      (error: unknown) => {
        env.log(`accesslab: failed to answer a request: ${String(error)}`);
        res.destroy();
      },
    );
  });
}

/**
 * Starts the server and resolves once it listens.
 *
 * @example
 * const running = await startServer(env, { host: "127.0.0.1", port: 0 });
 * running.endpoint; // "http://127.0.0.1:43127"
 * await running.close();
 */
export function startServer(
  env: ServerEnv,
  options: { readonly host: string; readonly port: number; readonly unixSocket?: string },
): Promise<RunningServer> {
  const server = createServer(env);
  const unix = options.unixSocket ? listenUnixSocket(server, options.unixSocket) : undefined;
  const listening = new Promise<RunningServer>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const hostPart = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({
        server,
        host: options.host,
        port,
        endpoint: `http://${hostPart}:${port}`,
        close: () =>
          Promise.all([
            new Promise<void>((done, fail) => {
              server.close((error) => {
                flushAudit(env);
                if (error) fail(error);
                else done();
              });
              server.closeAllConnections();
            }),
            unix?.then(
              (listener) => new Promise<void>((done) => listener.close(() => done())),
              () => undefined,
            ),
          ]).then(() => undefined),
      });
    });
  });
  if (!unix) return listening;
  return Promise.all([listening, unix]).then(
    ([running]) => running,
    async (error: unknown) => {
      await listening.then((running) => running.close()).catch(() => undefined);
      await unix.then((listener) => listener.close()).catch(() => undefined);
      throw error;
    },
  );
}
