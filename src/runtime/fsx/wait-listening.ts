/**
 * Waiting until a freshly started server accepts TCP connections on
 * 127.0.0.1, polling with short connection attempts, and giving up when
 * the process is gone or the time is up.
 */
import { connect } from "node:net";

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

/**
 * Resolves true once `port` accepts connections, false when `alive()` turns false or `timeoutMs` passes.
 *
 * @example
 * await waitListening(40123, () => child.exitCode === null, 15000); // true
 */
export async function waitListening(
  port: number,
  alive: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) return false;
    if (await probe(port)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
