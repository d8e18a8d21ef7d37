import { connect } from "node:net";
import { afterEach, expect, it } from "vitest";
import { makeIdentity } from "../../../engines/posix/identity.js";
import type { ServiceContext } from "../../../services/context.js";
import {
  type FileSession,
  initializeFileSystem,
  ROOT_INO,
} from "../../../services/efs/file-tree.js";
import { memoryStore } from "../../../store/memory/store.js";
import { type Bridge, startBridge } from "./bridge-server.js";

let bridge: Bridge | undefined;
afterEach(() => bridge?.close());

async function start(): Promise<Bridge> {
  const store = memoryStore();
  const ctx: ServiceContext = {
    store,
    clock: Date.now,
    random: (n) => new Uint8Array(n),
    account: "000000000000",
    region: "us-east-1",
  };
  const tree = store.tree("fs-0123456789abcdef0");
  initializeFileSystem(tree, Date.now());
  const session: FileSession = {
    tree,
    identity: makeIdentity(0, 0),
    rootIno: ROOT_INO,
    readOnly: false,
    umask: 0o022,
    clock: Date.now,
  };
  bridge = await startBridge(ctx, new Map([["/mnt/data", session]]));
  return bridge;
}

/** Sends lines and collects answer lines until the connection closes or `count` arrive. */
function exchange(port: number, lines: string[], count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const got: string[] = [];
    let buffered = "";
    const socket = connect({ host: "127.0.0.1", port });
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      got.push(...parts);
      if (got.length >= count) socket.end();
    });
    socket.on("close", () => resolve(got));
    socket.on("error", () => undefined);
    for (const line of lines) socket.write(`${line}\n`);
  });
}

it("answers requests after the instance's secret, naming mounts by their local path", async () => {
  const { address } = await start();
  expect(address.mounts).toEqual(["/mnt/data"]);
  const answers = await exchange(
    address.port,
    [
      JSON.stringify({ secret: address.secret }),
      JSON.stringify({ id: 1, mount: "/mnt/data", op: "stat", path: "/" }),
      JSON.stringify({ id: 2, mount: "/mnt/other", op: "stat", path: "/" }),
    ],
    2,
  );
  expect(JSON.parse(answers[0] ?? "")).toMatchObject({ id: 1, ok: true, value: { uid: 0 } });
  expect(JSON.parse(answers[1] ?? "")).toEqual({ id: 2, ok: false, errno: "ENOENT" });
});

it("closes a connection that does not present the secret", async () => {
  const { address } = await start();
  const answers = await exchange(
    address.port,
    [
      JSON.stringify({ secret: "guess" }),
      JSON.stringify({ id: 1, mount: "/mnt/data", op: "stat", path: "/" }),
    ],
    1,
  );
  expect(answers).toEqual([]);
});
