import { describe, expect, it } from "vitest";
import { FSX_RECORD } from "../../../services/fsx/model.js";
import { findFunction } from "../../../services/lambda/functions.js";
import type { InstanceSetup } from "../init-hooks.js";
import { ROUTES_VARIABLE } from "./assumptions.js";
import { fsxWorld } from "./fsx-world.test-support.js";
import { type RouteTable, routeFor } from "./route-table.js";
import { netPreloadPath, vpcConnectionsHook } from "./vpc-connections-hook.js";
import { vpcRouteTable } from "./vpc-routes.js";

const SMB = 40123;

function tableOf(world: ReturnType<typeof fsxWorld>, name: "open" | "closed" | "outside") {
  const table = vpcRouteTable(world.ctx, world.fn(name));
  if (table === undefined) throw new Error("no table");
  return table;
}

const refusal = (table: RouteTable, host: string, port: number): string => {
  const route = routeFor(table, host, port);
  if (route === undefined || !("refused" in route)) throw new Error(`${host}:${port} not refused`);
  return route.refused;
};

describe("vpcRouteTable", () => {
  it("routes the file server's DNS name (any case) and address on 445 to its local server", () => {
    const world = fsxWorld({ smbPort: SMB });
    const table = tableOf(world, "open");
    const { dnsName, windows } = world.fileSystem;
    const local = { to: { host: "127.0.0.1", port: SMB } };
    expect(routeFor(table, dnsName, 445)).toEqual(local);
    expect(routeFor(table, dnsName.toUpperCase(), 445)).toEqual(local);
    expect(routeFor(table, `${dnsName}.`, 445)).toEqual(local);
    expect(routeFor(table, windows.preferredFileServerIp, 445)).toEqual(local);
    expect(routeFor(table, world.fileSystem.fileSystemId, 445)).toBeUndefined();
    expect(routeFor(table, "10.0.1.99", 445)).toBeUndefined();
    expect(refusal(table, windows.preferredFileServerIp, 5985)).toBe(
      `accesslab serves only SMB (TCP 445) for \`${world.fileSystem.fileSystemId}\`; other ports of \`${windows.preferredFileServerIp}\` are not emulated`,
    );
  });

  it("refuses 445 with the network's reasons when the function's group has no SMB egress", () => {
    const world = fsxWorld({ smbPort: SMB });
    const table = tableOf(world, "closed");
    for (const host of [world.fileSystem.dnsName, world.fileSystem.windows.preferredFileServerIp]) {
      const message = refusal(table, host, 445);
      expect(message).toMatch(/^connection refused by the network: 10\.0\.1\.\d+:445 \(`fs-/);
      expect(message).toContain("no egress rule");
      expect(message).toMatch(/on AWS this times out$/);
    }
  });

  it("decides from the function's interface address, the last usable one of its first subnet", () => {
    const admitted = fsxWorld({ smbPort: SMB, serverIngressCidr: "10.0.1.254/32" });
    const ip = admitted.fileSystem.windows.preferredFileServerIp;
    expect(routeFor(tableOf(admitted, "open"), ip, 445)).toEqual({
      to: { host: "127.0.0.1", port: SMB },
    });
    const elsewhere = fsxWorld({ smbPort: SMB, serverIngressCidr: "10.0.1.253/32" });
    expect(refusal(tableOf(elsewhere, "open"), ip, 445)).toContain("no ingress rule");
  });

  it("refuses every port of every file server to a function outside a VPC", () => {
    const world = fsxWorld({ smbPort: SMB });
    const table = tableOf(world, "outside");
    const fs = world.fileSystem;
    for (const port of [445, 5985]) {
      expect(refusal(table, fs.dnsName, port)).toBe(
        `the function is not attached to a VPC, so \`${fs.dnsName}\` (\`${fs.fileSystemId}\`, in \`${fs.vpcId}\`) is out of its reach; on AWS this times out`,
      );
    }
    expect(refusal(table, world.otherFileSystem.windows.preferredFileServerIp, 445)).toContain(
      "not attached to a VPC",
    );
  });

  it("refuses a file server in another VPC even where its groups admit everyone", () => {
    const world = fsxWorld({ smbPort: SMB });
    const other = world.otherFileSystem;
    const message = refusal(tableOf(world, "open"), other.dnsName, 445);
    expect(message).toBe(
      `\`${other.dnsName}\` (\`${other.fileSystemId}\`) is in \`${other.vpcId}\`, not in the function's VPC \`${world.fn("open").vpcConfig?.vpcId}\`, and accesslab models no peering; on AWS this times out`,
    );
  });

  it("has no table when no file system exists", () => {
    const world = fsxWorld({ smbPort: SMB });
    for (const fs of world.ctx.store.records.list<{ fileSystemId: string }>(FSX_RECORD))
      world.ctx.store.records.delete(FSX_RECORD, fs.fileSystemId);
    expect(vpcRouteTable(world.ctx, world.fn("open"))).toBeUndefined();
  });
});

describe("vpcConnectionsHook", () => {
  const setupFor = (fn: ReturnType<ReturnType<typeof fsxWorld>["fn"]>): InstanceSetup => ({
    request: {
      fn,
      code: { kind: "zip", zipFileBase64: "" },
      payload: "{}",
      requestId: "r",
      region: "us-east-1",
      credentials: () => ({
        accessKeyId: "",
        secretAccessKey: "",
        sessionToken: "",
        expiration: 0,
      }),
    },
    taskRoot: "/var/task",
    env: {},
    preload: [],
    onStop: [],
  });

  it("hands the instance its table and the preload that applies it", async () => {
    const world = fsxWorld({ smbPort: SMB });
    const setup = setupFor(world.fn("open"));
    await vpcConnectionsHook(() => world.ctx)(setup);
    expect(JSON.parse(setup.env[ROUTES_VARIABLE] ?? "null")).toEqual(
      vpcRouteTable(world.ctx, world.fn("open")),
    );
    expect(setup.preload).toEqual([netPreloadPath()]);
    expect(netPreloadPath()).toMatch(/network\/net-preload\.(ts|js)$/);
  });

  it("adds nothing where there are no file systems", async () => {
    const world = fsxWorld({ smbPort: SMB });
    const fn = findFunction(world.ctx, "open");
    if (fn === undefined) throw new Error("no function");
    for (const fs of world.ctx.store.records.list<{ fileSystemId: string }>(FSX_RECORD))
      world.ctx.store.records.delete(FSX_RECORD, fs.fileSystemId);
    const setup = setupFor(fn);
    await vpcConnectionsHook(() => world.ctx)(setup);
    expect(setup.env).toEqual({});
    expect(setup.preload).toEqual([]);
  });
});
