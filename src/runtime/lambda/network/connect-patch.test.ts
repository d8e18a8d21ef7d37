import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readConnectArgs } from "./connect-args.js";
import { patchConnect } from "./connect-patch.js";
import type { RouteTable } from "./route-table.js";

const DNS_NAME = "amznfsxab12cd34.corp.example.com";
const REASON = "connection refused by the network: 10.0.1.9:445 (`fs-0`): no egress rule";

/** A plain TCP server standing for smbd: answers each chunk with `smbd:<chunk>`. */
let server: net.Server;
let port: number;
let restore: (() => void) | undefined;
let dir: string;

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.on("data", (chunk) => socket.write(`smbd:${chunk.toString("utf8")}`));
    socket.on("error", () => {});
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), "accesslab-connect-"));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  restore?.();
  restore = undefined;
});

function patch(): void {
  const to = { to: { host: "127.0.0.1", port } };
  const table: RouteTable = {
    [`${DNS_NAME}:445`]: to,
    "10.0.1.4:445": to,
    "10.0.1.4:*": { refused: "accesslab serves only SMB (TCP 445)" },
    "10.0.1.9:445": { refused: REASON },
  };
  restore = patchConnect(net.Socket, table);
}

/** Sends `text` once connected and resolves with the first answer. */
async function exchange(socket: net.Socket, text: string): Promise<string> {
  socket.write(text);
  const [chunk] = (await once(socket, "data")) as [Buffer];
  socket.destroy();
  return chunk.toString("utf8");
}

async function refusedError(socket: net.Socket) {
  const connected: boolean[] = [];
  socket.on("connect", () => connected.push(true));
  const closed = new Promise((resolve) => socket.on("close", resolve));
  const [error] = (await once(socket, "error")) as [
    NodeJS.ErrnoException & Record<string, unknown>,
  ];
  await closed;
  expect(connected).toEqual([]);
  return error;
}

/** The error of a real refused connect (to a port just closed), unpatched. */
async function realRefusal() {
  const closed = net.createServer().listen(0, "127.0.0.1");
  await once(closed, "listening");
  const free = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  return refusedError(net.connect(free, "127.0.0.1"));
}

describe("patchConnect", () => {
  it("sends net.connect(port, host, listener) to the DNS name's local server, in any case", async () => {
    patch();
    let listened = 0;
    const socket = net.connect(445, DNS_NAME.toUpperCase(), () => listened++);
    await once(socket, "connect");
    expect(listened).toBe(1);
    expect(socket.remotePort).toBe(port);
    expect(await exchange(socket, "negotiate")).toBe("smbd:negotiate");
  });

  it("routes createConnection({ host, port }), Socket#connect(port, host) and a string port", async () => {
    patch();
    const viaOptions = net.createConnection({ host: "10.0.1.4", port: 445 });
    await once(viaOptions, "connect");
    expect(await exchange(viaOptions, "a")).toBe("smbd:a");
    const connected = await new Promise<net.Socket>((resolve) => {
      const socket: net.Socket = new net.Socket().connect(445, "10.0.1.4", () => resolve(socket));
    });
    expect(await exchange(connected, "b")).toBe("smbd:b");
    const stringPort = new net.Socket().connect({
      host: DNS_NAME,
      port: "445" as unknown as number,
    });
    await once(stringPort, "connect");
    expect(await exchange(stringPort, "c")).toBe("smbd:c");
  });

  it("fails a refused route later, as Node fails a refused connect, with accesslab's reason", async () => {
    patch();
    const socket = net.connect({ host: "10.0.1.9", port: 445 });
    expect(socket.connecting).toBe(true);
    let written: Error | null | undefined;
    socket.write("queued", (error) => {
      written = error;
    });
    const error = await refusedError(socket);
    const real = await realRefusal();
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.errno).toBe(real.errno);
    expect(error.syscall).toBe(real.syscall);
    expect(real.message).toBe(`connect ECONNREFUSED 127.0.0.1:${real.port}`);
    expect(error.address).toBe("10.0.1.9");
    expect(error.port).toBe(445);
    expect(error.message).toBe(`connect ECONNREFUSED 10.0.1.9:445 - accesslab: ${REASON}`);
    expect(written).toBeInstanceOf(Error);
    expect(socket.destroyed).toBe(true);
  });

  it("refuses another port of a routed host, and a tls.connect to a refused route", async () => {
    patch();
    const other = await refusedError(net.connect(5985, "10.0.1.4"));
    expect(other.message).toBe(
      "connect ECONNREFUSED 10.0.1.4:5985 - accesslab: accesslab serves only SMB (TCP 445)",
    );
    const secure = tls.connect({ host: "10.0.1.9", port: 445 });
    const [error] = (await once(secure, "error")) as [NodeJS.ErrnoException];
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.message).toContain(REASON);
  });

  it("leaves unrouted hosts and path sockets alone, and restores connect", async () => {
    patch();
    const direct = net.connect(port, "127.0.0.1");
    await once(direct, "connect");
    expect(await exchange(direct, "d")).toBe("smbd:d");
    const path = join(dir, "s.sock");
    const local = net.createServer((socket) => socket.end("path-answer"));
    local.listen(path);
    await once(local, "listening");
    const viaPath = net.connect(path);
    const [chunk] = (await once(viaPath, "data")) as [Buffer];
    expect(chunk.toString("utf8")).toBe("path-answer");
    local.close();
    const patched = net.Socket.prototype.connect;
    restore?.();
    restore = undefined;
    expect(net.Socket.prototype.connect).not.toBe(patched);
  });
});

describe("readConnectArgs", () => {
  const listener = () => {};

  it("reads every TCP form Node accepts, with the listener", () => {
    expect(readConnectArgs([445, "10.0.1.4", listener])).toEqual({
      host: "10.0.1.4",
      port: 445,
      options: { port: 445, host: "10.0.1.4" },
      listener,
    });
    expect(readConnectArgs(["445"])).toMatchObject({ host: "localhost", port: 445 });
    expect(readConnectArgs([{ host: "h", port: 445 }, listener])).toMatchObject({
      host: "h",
      port: 445,
      listener,
    });
    expect(readConnectArgs([[{ host: "h", port: 445 }, null]])).toEqual({
      host: "h",
      port: 445,
      options: { host: "h", port: 445 },
    });
  });

  it("answers nothing for path sockets", () => {
    expect(readConnectArgs(["/tmp/s.sock", listener])).toBeUndefined();
    expect(readConnectArgs([{ path: "/tmp/s.sock" }])).toBeUndefined();
    expect(readConnectArgs([[{ path: "/tmp/s.sock" }, null]])).toBeUndefined();
  });
});
