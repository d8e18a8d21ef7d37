/**
 * The serve side of one instance's file system bridge: a loopback TCP
 * listener on a free port that accepts connections presenting the
 * instance's secret as their first line, then answers each request line
 * by running it on the named mount's data-plane session. It lives as long
 * as the instance (closed by the instance's `onStop`) and holds the mounts
 * the instance made at init, so warm invocations reuse them.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { ServiceContext } from "../../../services/context.js";
import type { FileSession } from "../../../services/efs/file-tree.js";
import { type OpResult, runOp } from "./bridge-ops.js";
import type { BridgeAddress, BridgeAnswer, BridgeFrame } from "./bridge-protocol.js";

/** A listening bridge. */
export interface Bridge {
  readonly address: BridgeAddress;
  close(): void;
}

/**
 * Starts a bridge over `mounts` (LocalMountPath → session).
 *
 * @example
 * const bridge = await startBridge(ctx, new Map([["/mnt/data", mount.session]]));
 * env[BRIDGE_VARIABLE] = JSON.stringify(bridge.address);
 */
export async function startBridge(
  ctx: ServiceContext,
  mounts: ReadonlyMap<string, FileSession>,
): Promise<Bridge> {
  const secret = randomBytes(32).toString("hex");
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    serve(ctx, mounts, secret, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref();
  const port = (server.address() as { port: number }).port;
  return {
    address: { port, secret, mounts: [...mounts.keys()] },
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

function serve(
  ctx: ServiceContext,
  mounts: ReadonlyMap<string, FileSession>,
  secret: string,
  socket: Socket,
): void {
  let buffered = "";
  let authenticated = false;
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (!authenticated) {
        authenticated = secretMatches(line, secret);
        if (!authenticated) {
          socket.destroy();
          return;
        }
        continue;
      }
      socket.write(`${JSON.stringify(handle(ctx, mounts, line))}\n`);
    }
  });
}

function secretMatches(line: string, secret: string): boolean {
  try {
    const given = Buffer.from(String((JSON.parse(line) as { secret?: unknown }).secret ?? ""));
    const wanted = Buffer.from(secret);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  } catch {
    return false;
  }
}

function handle(
  ctx: ServiceContext,
  mounts: ReadonlyMap<string, FileSession>,
  line: string,
): BridgeAnswer {
  let frame: BridgeFrame;
  try {
    frame = JSON.parse(line) as BridgeFrame;
  } catch {
    return { id: -1, ok: false, errno: "EINVAL" };
  }
  const session = mounts.get(frame.mount);
  let result: OpResult;
  try {
    result = session ? runOp(ctx, session, frame) : { ok: false, errno: "ENOENT" };
  } catch {
    // an EFS store failure reaches the client as an I/O error, as NFS reports one
    result = { ok: false, errno: "EIO" };
  }
  return { id: frame.id, ...result };
}
