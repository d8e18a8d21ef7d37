/**
 * FSx for Windows' data side against real Samba: a file system created
 * through the real FSx client is served by an `smbd` accesslab started,
 * and the real `smbclient` proves the seed's behaviour (seeds-digest 4,
 * aws-facts F3, F5): with encryption enforced an SMB 3 client that
 * encrypts gets in and an SMB 2 client is refused; with it off both get
 * in; a wrong password or another user is refused; files written through
 * SMB are in the share directory and survive the supervisor restarting a
 * killed smbd, and a server restart on the same SQLite state. Skipped,
 * with the reason printed, where Samba is not installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteFileSystemCommand, FSxClient } from "@aws-sdk/client-fsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smbEndpointFor } from "../../src/services/fsx/smb-endpoint.js";
import { openStore } from "../../src/store/open.js";
import { startTestServer, type TestServer } from "../serve/harness.js";
import {
  AD_PASSWORD,
  AD_USER,
  callFsxRaw,
  createWindowsFileSystem,
  type FsxNetwork,
  fsxNetwork,
  sambaMissing,
  smbclient,
} from "./fsx-setup.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`fsx-samba: skipped: ${missing}\n`);

const work = mkdtempSync(join(tmpdir(), "accesslab-fsx-test-"));
const local = join(work, "hello.txt");
writeFileSync(local, "hello over SMB\n");

let server: TestServer;
let net: FsxNetwork;

beforeAll(async () => {
  if (missing) return;
  server = await startTestServer();
  net = await fsxNetwork(server);
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

function portOf(fileSystemId: string): number {
  const address = server.smb.address(fileSystemId);
  if (!address.ok) throw new Error(address.problem);
  return address.port;
}

const smb3 = { maxProtocol: "SMB3", protection: "encrypt" } as const;
const smb2 = { maxProtocol: "SMB2", protection: "off" } as const;
const user = { user: AD_USER, password: AD_PASSWORD };

describe.skipIf(missing !== undefined)("fsx: Samba behind a Windows file system", () => {
  it("with encryption enforced, SMB 3 with encryption gets in and SMB 2 is refused", async () => {
    const fs = await createWindowsFileSystem(server, net, [
      { Key: "accesslab:smb-encryption", Value: "required" },
    ]);
    const id = fs.FileSystemId ?? "";
    const port = portOf(id);
    const put = await smbclient({
      port,
      ...user,
      ...smb3,
      commands: `put ${local} hello.txt; ls`,
    });
    expect(put.output).toContain("hello.txt");
    expect(put.code).toBe(0);
    expect(readFileSync(join(server.smb.shareDirectory(id), "hello.txt"), "utf8")).toBe(
      "hello over SMB\n",
    );
    const old = await smbclient({ port, ...user, ...smb2, commands: "ls" });
    expect(old.code).not.toBe(0);
    expect(old.output).toMatch(/NT_STATUS_NOT_SUPPORTED|NT_STATUS_ACCESS_DENIED/);
  });

  it("switched off at runtime, both clients get in; switched on again, SMB 2 is refused", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const id = fs.FileSystemId ?? "";
    const port = portOf(id);
    expect((await smbclient({ port, ...user, ...smb2, commands: "ls" })).code).toBe(0);
    expect((await smbclient({ port, ...user, ...smb3, commands: "ls" })).code).toBe(0);
    const on = await callFsxRaw(server.running.endpoint, "AccesslabSetSmbServerConfiguration", {
      FileSystemId: id,
      EncryptData: true,
      RejectUnencryptedAccess: true,
    });
    expect(on).toEqual({
      status: 200,
      body: { FileSystemId: id, EncryptData: true, RejectUnencryptedAccess: true },
    });
    expect((await smbclient({ port, ...user, ...smb2, commands: "ls" })).code).not.toBe(0);
    expect((await smbclient({ port, ...user, ...smb3, commands: "ls" })).code).toBe(0);
    const desired = await callFsxRaw(
      server.running.endpoint,
      "AccesslabSetSmbServerConfiguration",
      {
        FileSystemId: id,
        EncryptData: true,
      },
    );
    expect(desired.body).toMatchObject({ EncryptData: true, RejectUnencryptedAccess: false });
    expect((await smbclient({ port, ...user, ...smb2, commands: "ls" })).code).toBe(0);
    expect((await smbclient({ port, ...user, ...smb3, commands: "ls" })).code).toBe(0);
    const off = await callFsxRaw(server.running.endpoint, "AccesslabSetSmbServerConfiguration", {
      FileSystemId: id,
      EncryptData: false,
    });
    expect(off.body).toMatchObject({ EncryptData: false, RejectUnencryptedAccess: false });
    expect((await smbclient({ port, ...user, ...smb2, commands: "ls" })).code).toBe(0);
    const read = await callFsxRaw(server.running.endpoint, "AccesslabGetSmbServerConfiguration", {
      FileSystemId: id,
    });
    expect(read.body).toMatchObject({ EncryptData: false });
  });

  it("refuses a wrong password, another user and the local account's own name", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const port = portOf(fs.FileSystemId ?? "");
    const wrong = await smbclient({
      port,
      user: AD_USER,
      password: "nope",
      ...smb3,
      commands: "ls",
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toContain("NT_STATUS_LOGON_FAILURE");
    const other = await smbclient({
      port,
      user: "someone",
      password: AD_PASSWORD,
      ...smb3,
      commands: "ls",
    });
    expect(other.output).toContain("NT_STATUS_LOGON_FAILURE");
    const own = await smbclient({
      port,
      user: "root",
      password: AD_PASSWORD,
      ...smb3,
      commands: "ls",
    });
    expect(own.output).toContain("NT_STATUS_LOGON_FAILURE");
    const domain = await smbclient({
      port,
      user: `CORP\\${AD_USER}`,
      password: AD_PASSWORD,
      ...smb3,
      commands: "ls",
    });
    expect(domain.code).toBe(0);
  });

  it("keeps files across a killed smbd, which the supervisor restarts", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const id = fs.FileSystemId ?? "";
    const port = portOf(id);
    expect(
      (await smbclient({ port, ...user, ...smb3, commands: `put ${local} kept.txt` })).code,
    ).toBe(0);
    const instance = server.smb.instance(id);
    const pid = instance?.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    const deadline = Date.now() + 15_000;
    while ((instance?.restarts ?? 0) < 1 || instance?.pid === undefined || instance.pid === pid) {
      if (Date.now() > deadline) throw new Error("smbd was not restarted");
      await new Promise((r) => setTimeout(r, 100));
    }
    let listed = await smbclient({ port: portOf(id), ...user, ...smb3, commands: "ls" });
    for (let i = 0; i < 50 && listed.code !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      listed = await smbclient({ port: portOf(id), ...user, ...smb3, commands: "ls" });
    }
    expect(listed.output).toContain("kept.txt");
    expect(server.logged.some((l) => l.includes("restarting in"))).toBe(true);
  });

  it("maps the file server's address on 445 to its smbd, as the network allows", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const ip = fs.WindowsConfiguration?.PreferredFileServerIp ?? "";
    const allowed = smbEndpointFor(server.services, {
      from: { securityGroupIds: [net.workloadGroup], subnetId: net.subnetId, ip: "10.0.1.200" },
      host: ip,
    });
    expect(allowed).toMatchObject({
      ok: true,
      host: "127.0.0.1",
      port: portOf(fs.FileSystemId ?? ""),
    });
    const byName = smbEndpointFor(server.services, {
      from: { securityGroupIds: [net.workloadGroup], ip: "10.0.1.200" },
      host: (fs.DNSName ?? "").toUpperCase(),
    });
    expect(byName.ok).toBe(true);
    const refused = smbEndpointFor(server.services, {
      from: { securityGroupIds: [net.closedGroup], ip: "10.0.1.200" },
      host: ip,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toContain("connection refused by the network");
      expect(refused.message).toContain(net.serverGroup);
      expect(refused.message).toContain("on AWS this times out");
    }
  });

  it("DeleteFileSystem stops its smbd and removes its files", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const id = fs.FileSystemId ?? "";
    const pid = server.smb.instance(id)?.pid ?? 0;
    expect(existsSync(server.smb.shareDirectory(id))).toBe(true);
    await new FSxClient(server.config()).send(new DeleteFileSystemCommand({ FileSystemId: id }));
    expect(existsSync(server.smb.shareDirectory(id))).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(server.smb.address(id).ok).toBe(false);
  });
});

describe.skipIf(missing !== undefined)("fsx: Samba across a server restart", () => {
  it("serves the files written before, on a SQLite state", async () => {
    const dir = mkdtempSync(join(work, "state-"));
    const state = () => openStore({ kind: "sqlite", path: join(dir, "state.db") });
    const smbRoot = join(dir, "fsx");
    const first = await startTestServer({ store: state(), smbRoot });
    const firstNet = await fsxNetwork(first);
    const fs = await createWindowsFileSystem(first, firstNet);
    const id = fs.FileSystemId ?? "";
    const firstPort = first.smb.address(id);
    if (!firstPort.ok) throw new Error(firstPort.problem);
    const put = await smbclient({
      port: firstPort.port,
      ...user,
      ...smb3,
      commands: `put ${local} survives.txt`,
    });
    expect(put.code).toBe(0);
    await first.close();
    const second = await startTestServer({ store: state(), smbRoot });
    try {
      const again = second.smb.address(id);
      if (!again.ok) throw new Error(again.problem);
      const listed = await smbclient({ port: again.port, ...user, ...smb3, commands: "ls" });
      expect(listed.code).toBe(0);
      expect(listed.output).toContain("survives.txt");
    } finally {
      await second.close();
    }
  });
});
