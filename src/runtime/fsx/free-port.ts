/**
 * A TCP port on 127.0.0.1 for an `smbd` to listen on: the one it had last
 * time when that is free again (so a client configured by hand keeps
 * working across restarts), else one the kernel picks.
 */
import { createServer } from "node:net";

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => {
      const address = server.address();
      const got = typeof address === "object" && address !== null ? address.port : undefined;
      server.close(() => resolve(got));
    });
  });
}

/**
 * A free port, `preferred` when it is free.
 *
 * @example
 * await freePort(40123); // 40123, or another free port
 */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined && preferred > 0) {
    const again = await tryListen(preferred);
    if (again !== undefined) return again;
  }
  const any = await tryListen(0);
  if (any === undefined) throw new Error("no free TCP port on 127.0.0.1");
  return any;
}
