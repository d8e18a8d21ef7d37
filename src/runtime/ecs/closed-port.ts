/**
 * A loopback TCP port where nothing listens, for
 * `AWS_EC2_METADATA_SERVICE_ENDPOINT`: the operating system picks a free
 * port, accesslab releases it at once, and a connection to it is refused
 * (ECONNREFUSED) instead of waiting for a timeout, the way the absent
 * instance metadata endpoint behaves on Fargate.
 */
import { createServer } from "node:net";

/**
 * A port on 127.0.0.1 that was free a moment ago and is closed now.
 *
 * @example
 * const port = await closedLoopbackPort(); // e.g. 40219
 */
export function closedLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
