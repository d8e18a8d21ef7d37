/**
 * A VPC function's TCP connections to an FSx file server, end to end
 * through the local runtime: the world (VPC, groups, a Windows file
 * system, functions) is deployed into an in-memory context whose SMB
 * servers answer a plain local TCP server standing for `smbd`; real
 * instances started by the process runner run a handler that dials the
 * file system's DNS name and address on 445 with `net.connect` and
 * exchanges bytes. A function whose group has no SMB egress, and one
 * outside any VPC, get `ECONNREFUSED` with accesslab's reason.
 */
import { once } from "node:events";
import { type AddressInfo, createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FsxWorld,
  fsxWorld,
} from "../../src/runtime/lambda/network/fsx-world.test-support.js";
import { createProcessRunner } from "../../src/runtime/lambda/process-runner.js";
import { functionCode } from "../../src/services/lambda/functions.js";
import type { FunctionRunner } from "../../src/services/lambda/invoke-port.js";

/**
 * Dials each `event.hosts` on 445, sends a line, answers what came back or
 * the error. It dials only when the route patch is in place (its function
 * is named `patched`), so a broken hook never sends a packet to a private
 * address.
 */
const HANDLER = `
const net = require("net");
const dial = (host) => net.Socket.prototype.connect.name !== "patched" ? { unpatched: host } : new Promise((resolve) => {
  const socket = net.connect(445, host, () => socket.write("hello from " + host));
  socket.setTimeout(5000, () => socket.destroy(new Error("timed out")));
  socket.once("data", (data) => { resolve({ answer: data.toString(), remotePort: socket.remotePort }); socket.end(); });
  socket.once("error", (e) => resolve({ code: e.code, errno: e.errno, syscall: e.syscall, address: e.address, port: e.port, message: e.message }));
});
exports.handler = async (event) => ({
  routes: process.env.ACCESSLAB_VPC_ROUTES ?? null,
  results: await Promise.all(event.hosts.map(dial)),
});
`;

let smbd: Server;
let smbPort: number;
let world: FsxWorld;
let runner: FunctionRunner;
const seen: string[] = [];

beforeAll(async () => {
  smbd = createServer((socket) => {
    socket.on("data", (chunk) => {
      seen.push(chunk.toString("utf8"));
      socket.write(`smbd got: ${chunk.toString("utf8")}`);
    });
    socket.on("error", () => {});
  });
  smbd.listen(0, "127.0.0.1");
  await once(smbd, "listening");
  smbPort = (smbd.address() as AddressInfo).port;
  world = fsxWorld({ smbPort, handler: HANDLER });
  runner = createProcessRunner({ endpoint: () => "http://127.0.0.1:9", services: () => world.ctx });
});
afterAll(async () => {
  await runner?.close();
  smbd?.close();
});

async function invoke(name: "open" | "closed" | "outside", hosts: readonly string[]) {
  const fn = world.fn(name);
  const result = await runner.invoke({
    fn,
    code: functionCode(world.ctx, fn),
    payload: JSON.stringify({ hosts }),
    requestId: `req-${name}`,
    region: "us-east-1",
    credentials: () => ({
      accessKeyId: "ASIAEXAMPLE",
      secretAccessKey: "secret",
      sessionToken: "token",
      expiration: Date.now() + 3_600_000,
    }),
  });
  expect(result.functionError, result.payload).toBeUndefined();
  return JSON.parse(result.payload) as {
    routes: string | null;
    results: Record<string, unknown>[];
  };
}

describe("a VPC function dialling its FSx file server on 445", () => {
  it("reaches the local server standing for smbd by DNS name and by address", async () => {
    const { dnsName, windows } = world.fileSystem;
    const out = await invoke("open", [dnsName, windows.preferredFileServerIp]);
    expect(out.routes).toBeNull();
    expect(out.results).toEqual([
      { answer: `smbd got: hello from ${dnsName}`, remotePort: smbPort },
      { answer: `smbd got: hello from ${windows.preferredFileServerIp}`, remotePort: smbPort },
    ]);
    expect(seen).toEqual(
      expect.arrayContaining([
        `hello from ${dnsName}`,
        `hello from ${windows.preferredFileServerIp}`,
      ]),
    );
  }, 60_000);

  it("is refused with the network's reason when its group has no SMB egress", async () => {
    const ip = world.fileSystem.windows.preferredFileServerIp;
    const [refused] = (await invoke("closed", [ip])).results;
    expect(refused).toMatchObject({
      code: "ECONNREFUSED",
      syscall: "connect",
      address: ip,
      port: 445,
    });
    expect(refused?.errno).toBeLessThan(0);
    const message = String(refused?.message);
    expect(
      message.startsWith(
        `connect ECONNREFUSED ${ip}:445 - accesslab: connection refused by the network: ${ip}:445`,
      ),
    ).toBe(true);
    expect(message).toContain("no egress rule");
    expect(message).toContain("on AWS this times out");
  }, 60_000);

  it("is refused outside a VPC, saying the function is not attached to one", async () => {
    const { dnsName } = world.fileSystem;
    const [refused] = (await invoke("outside", [dnsName])).results;
    expect(refused).toMatchObject({ code: "ECONNREFUSED", address: dnsName, port: 445 });
    expect(String(refused?.message)).toContain("the function is not attached to a VPC");
  }, 60_000);
});
