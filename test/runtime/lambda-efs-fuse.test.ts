/**
 * The real mount (root on Linux only): two functions, one on an access
 * point whose PosixUser (1000:1000) owns its root and one on an access
 * point whose identity (1001:1001) cannot write its root-owned root, run
 * shell commands through
 * `child_process.execSync` against its `LocalMountPath`s. `ls`, redirections,
 * `cat`, `mkdir`, `mv`, `rm`, `ln -s` see the data plane with the mapped
 * identity while the process itself is uid 993; the shell's refused write
 * says `Permission denied`; what the shell writes the `fs` preload reads
 * and the other way round; and the host's `/mnt` never shows the mounts.
 * Elsewhere the suite is skipped with a printed reason.
 */
import { existsSync, readdirSync } from "node:fs";
import { CreateAccessPointCommand, EFSClient } from "@aws-sdk/client-efs";
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUp } from "../../examples/functions/efs-identities/setup.mjs";
import { realMountSupport } from "../../src/runtime/lambda/efs/fuse/availability.js";
import { liveFuseConnections } from "../../src/runtime/lambda/efs/fuse/fuse-server.js";
import { zipPackage } from "../../src/runtime/lambda/zip-package.test-support.js";
import { startTestServer, type TestServer } from "../serve/harness.js";

const support = realMountSupport();
if (!support.ok) console.log(`real EFS mount tests skipped: ${support.reason}`);

const HANDLER = String.raw`
const { execSync } = require("node:child_process");
const fs = require("node:fs");
const sh = (command) => {
  try {
    return { out: execSync(command, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    return { status: e.status, err: String(e.stderr) };
  }
};
exports.handler = async (event) => {
  if (event.step === "second") {
    return { again: sh("cat /mnt/x/from-fs.txt").out, listed: sh("ls /mnt/x").out };
  }
  if (event.step === "hang") {
    execSync("cd /mnt/x && sleep 20");
    return "woke";
  }
  if (event.step === "refused") {
    return {
      refused: sh("echo no > /mnt/ro/f"),
      roList: sh("ls -ldn /mnt/ro && stat -c '%u:%g %a' /mnt/ro").out,
      mkdirRefused: sh("mkdir /mnt/ro/d"),
      fsRefused: (() => { try { fs.writeFileSync("/mnt/ro/g", "x"); return "ok"; } catch (e) { return e.code; } })(),
      mounts: sh("grep accesslab /proc/mounts").out,
    };
  }
  const r = {};
  r.id = sh("id -u; id -g").out;
  r.echo = sh("echo hi > /mnt/x/f && cat /mnt/x/f");
  r.ls = sh("ls -lan /mnt/x");
  r.stat = sh("stat -c '%u:%g %a %s %F' /mnt/x/f").out;
  r.viaFs = fs.readFileSync("/mnt/x/f", "utf8");
  fs.writeFileSync("/mnt/x/from-fs.txt", "written by fs\n");
  r.catFs = sh("cat /mnt/x/from-fs.txt").out;
  r.append = sh("echo more >> /mnt/x/from-fs.txt && cat /mnt/x/from-fs.txt").out;
  r.tree = sh(
    "mkdir /mnt/x/d && mv /mnt/x/f /mnt/x/d/g && ln -s d/g /mnt/x/link && cat /mnt/x/link && " +
      "readlink /mnt/x/link && ls /mnt/x/d && rm /mnt/x/link && rm -r /mnt/x/d && ls /mnt/x",
  ).out;
  r.chmod = sh("touch /mnt/x/t && chmod 600 /mnt/x/t && stat -c '%a' /mnt/x/t && rm /mnt/x/t").out;
  r.truncate = sh("printf 123456 > /mnt/x/n && truncate -s 2 /mnt/x/n && cat /mnt/x/n && rm /mnt/x/n").out;
  r.overwrite = sh("echo longer-text > /mnt/x/o && echo short > /mnt/x/o && cat /mnt/x/o && rm /mnt/x/o").out;
  r.chownRefused = sh("chown 0 /mnt/x/from-fs.txt");
  r.big = sh("head -c 300000 /dev/zero | tr '\\0' 'a' > /mnt/x/big && wc -c < /mnt/x/big && rm /mnt/x/big").out;
  r.many = sh(
    "mkdir /mnt/x/many && cd /mnt/x/many && for i in $(seq 1 300); do : > file-$i; done && " +
      "ls | wc -l && ls -U | sort -u | wc -l && cd / && rm -r /mnt/x/many",
  ).out;
  r.fsSeesShell = fs.existsSync("/mnt/x/d");
  r.mounts = sh("grep accesslab /proc/mounts").out;
  r.df = sh("df -P /mnt/x | tail -1").out;
  return r;
};
`;

let server: TestServer;
let lambda: LambdaClient;
let result: Record<string, unknown>;
let second: Record<string, unknown>;
let refused: Record<string, unknown>;
let closed = false;

/** Waits until `check` holds, for up to five seconds. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  return check();
}

const run = support.ok ? describe : describe.skip;

run("a real mount of each access point (root on Linux)", () => {
  beforeAll(async () => {
    server = await startTestServer();
    lambda = new LambdaClient(server.config());
    const made = await setUp(server.config());
    const efs = new EFSClient(server.config());
    const writable = await efs.send(
      new CreateAccessPointCommand({
        FileSystemId: made.fileSystemId,
        PosixUser: { Uid: 1000, Gid: 1000 },
        RootDirectory: {
          Path: "/fuse-rw",
          CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "755" },
        },
      }),
    );
    const readOnly = await efs.send(
      new CreateAccessPointCommand({
        FileSystemId: made.fileSystemId,
        PosixUser: { Uid: 1001, Gid: 1001 },
        RootDirectory: {
          Path: "/fuse-ro",
          CreationInfo: { OwnerUid: 0, OwnerGid: 0, Permissions: "755" },
        },
      }),
    );
    const create = (name: string, arn: string | undefined, path: string, timeout = 30) =>
      lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Role: made.functionRole,
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Timeout: timeout,
          Code: { ZipFile: zipPackage({ "index.js": HANDLER }) },
          VpcConfig: { SubnetIds: [made.subnetId], SecurityGroupIds: [made.functionGroup] },
          FileSystemConfigs: [{ Arn: arn, LocalMountPath: path }],
        }),
      );
    await create("efs-fuse", writable.AccessPointArn, "/mnt/x");
    await create("efs-fuse-ro", readOnly.AccessPointArn, "/mnt/ro");
    await create("efs-fuse-hang", writable.AccessPointArn, "/mnt/x", 2);
    const invoke = async (payload: unknown, name = "efs-fuse") => {
      const out = await lambda.send(
        new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(payload)) }),
      );
      const text = Buffer.from(out.Payload ?? new Uint8Array()).toString("utf8");
      if (out.FunctionError) throw new Error(`the handler failed: ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    result = await invoke({ step: "first" });
    second = await invoke({ step: "second" });
    refused = await invoke({ step: "refused" }, "efs-fuse-ro");
  }, 90_000);
  afterAll(async () => {
    if (!closed) await server?.close();
  });

  it("runs the shell as the sandbox user with the mount's files", () => {
    expect(result.id).toBe("993\n990\n");
    expect(result.echo).toEqual({ out: "hi\n" });
    const ls = (result.ls as { out: string }).out;
    expect(ls).toMatch(/^d\S+\s+\d+\s+1000\s+1000\s.*\s\.$/m);
    expect(ls).toMatch(/^-rw-r--r--\s+1\s+1000\s+1000\s+3\s.*\sf$/m);
    expect(result.stat).toBe("1000:1000 644 3 regular file\n");
  });

  it("refuses a shell write the mapped identity may not make", () => {
    expect(refused.refused).toMatchObject({ status: 2 });
    expect((refused.refused as { err: string }).err).toMatch(
      /^\/bin\/sh: 1: cannot create \/mnt\/ro\/f: Permission denied\n$/,
    );
    expect((refused.mkdirRefused as { err: string }).err).toBe(
      "mkdir: cannot create directory '/mnt/ro/d': Permission denied\n",
    );
    expect(refused.fsRefused).toBe("EACCES");
    expect(refused.roList).toMatch(/^drwxr-xr-x\s+2\s+0\s+0\s.*\/mnt\/ro\n0:0 755\n$/);
    expect((result.chownRefused as { err: string }).err).toContain("Operation not permitted");
  });

  it("shares one data plane between the shell and the fs preload", () => {
    expect(result.viaFs).toBe("hi\n");
    expect(result.catFs).toBe("written by fs\n");
    expect(result.append).toBe("written by fs\nmore\n");
    expect(result.fsSeesShell).toBe(false);
    expect(second).toEqual({ again: "written by fs\nmore\n", listed: "from-fs.txt\n" });
  });

  it("makes, moves, links and removes through the shell", () => {
    expect(result.tree).toBe("hi\nd/g\ng\nfrom-fs.txt\n");
    expect(result.chmod).toBe("600\n");
    expect(result.truncate).toBe("12");
    expect(result.overwrite).toBe("short\n");
    expect(result.big).toBe("300000\n");
    expect(result.many).toBe("300\n300\n");
  });

  it("mounts in the instance's namespace only", () => {
    expect(result.mounts).toMatch(/^accesslab-efs \/mnt\/x fuse /m);
    expect(result.mounts).not.toMatch(/\/mnt\/ro/);
    expect(refused.mounts).toMatch(/^accesslab-efs \/mnt\/ro fuse /m);
    expect(result.df).toMatch(/^accesslab-efs\s/);
    const hostView = existsSync("/mnt/x") ? readdirSync("/mnt/x") : [];
    expect(hostView).toEqual([]);
    expect(existsSync("/mnt/ro")).toBe(false);
  });

  it("ends an instance's connection when a timeout kills it inside the mount", async () => {
    const before = liveFuseConnections();
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: "efs-fuse-hang", Payload: Buffer.from('{"step":"hang"}') }),
    );
    expect(out.FunctionError).toBe("Unhandled");
    expect(Buffer.from(out.Payload ?? new Uint8Array()).toString()).toContain("Task timed out");
    expect(await eventually(() => liveFuseConnections() === before)).toBe(true);
  }, 20_000);

  it("ends every connection when the server closes", async () => {
    expect(liveFuseConnections()).toBeGreaterThan(0);
    closed = true;
    await server.close();
    expect(await eventually(() => liveFuseConnections() === 0)).toBe(true);
  });
});
