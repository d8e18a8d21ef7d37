/**
 * What a handler's `fs` does on an EFS mount, through the real
 * `@aws-sdk/client-lambda`: one function mounts an access point whose
 * PosixUser (1000:1000) owns its root, and its handler runs the covered
 * calls (sync, callback, promise, FileHandle, streams, ES module imports)
 * and reports what each gave: files owned by the mapped identity,
 * Node-shaped errors (EACCES, ENOENT, EBADF, ERR_FS_EISDIR), a symbolic
 * link climbing with `..` that stays inside the access point's root, and
 * local paths (the task root, `/tmp`, `/mnt/..`) left to the real `fs`.
 */
import { CreateAccessPointCommand } from "@aws-sdk/client-efs";
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setUp } from "../../examples/functions/efs-identities/setup.mjs";
import { zipPackage } from "../../src/runtime/lambda/zip-package.test-support.js";
import { startTestServer, type TestServer } from "../serve/harness.js";

const HANDLER = String.raw`
const fs = require("node:fs");
const fsp = require("node:fs/promises");
const M = "/mnt/cov";
const attempt = (f) => {
  try { f(); return "ok"; } catch (e) {
    return { code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, message: e.message };
  }
};
exports.handler = async () => {
  const r = {};
  fs.writeFileSync(M + "/a.txt", "one\n");
  fs.appendFileSync(M + "/a.txt", "two\n");
  r.read = fs.readFileSync(M + "/a.txt", "utf8");
  r.exists = [fs.existsSync(M + "/a.txt"), fs.existsSync(M + "/none")];
  const st = fs.statSync(M + "/a.txt");
  r.stat = [st.isFile(), st.uid, st.gid, st.size, (st.mode & 0o777).toString(8)];
  r.lstatRoot = fs.lstatSync(M).isDirectory();
  r.mkdir = fs.mkdirSync(M + "/x/y/z", { recursive: true });
  fs.writeFileSync(M + "/x/y/z/deep.txt", "deep");
  r.readdir = fs.readdirSync(M).sort();
  r.dirents = fs.readdirSync(M, { withFileTypes: true })
    .map((d) => d.name + ":" + (d.isDirectory() ? "d" : "f")).sort();
  fs.renameSync(M + "/a.txt", M + "/b.txt");
  r.renamed = [fs.existsSync(M + "/a.txt"), fs.existsSync(M + "/b.txt")];
  r.access = attempt(() => fs.accessSync(M + "/b.txt", fs.constants.R_OK | fs.constants.W_OK));
  fs.chmodSync(M + "/b.txt", 0o400);
  r.accessAfterChmod = attempt(() => fs.accessSync(M + "/b.txt", fs.constants.W_OK));
  fs.mkdirSync(M + "/locked", 0o500);
  r.eacces = attempt(() => fs.writeFileSync(M + "/locked/f.txt", "x"));
  r.enoent = attempt(() => fs.readFileSync(M + "/missing.txt"));
  r.renameOut = attempt(() => fs.renameSync(M + "/b.txt", "/tmp/b.txt"));
  const fd = fs.openSync(M + "/fd.txt", "w+");
  fs.writeSync(fd, "abcdef");
  fs.writeSync(fd, Buffer.from("XY"), 0, 2, 1);
  const buf = Buffer.alloc(4);
  r.readSync = [fs.readSync(fd, buf, 0, 4, 0), buf.toString()];
  r.fstat = fs.fstatSync(fd).size;
  fs.closeSync(fd);
  const ro = fs.openSync(M + "/fd.txt", "r");
  r.writeOnReadFd = attempt(() => fs.writeSync(ro, "no"));
  fs.closeSync(ro);
  fs.unlinkSync(M + "/fd.txt");
  r.rmDir = attempt(() => fs.rmSync(M + "/x"));
  fs.rmSync(M + "/x", { recursive: true });
  r.rmForce = attempt(() => fs.rmSync(M + "/none", { force: true }));
  r.xGone = fs.existsSync(M + "/x");
  r.callback = await new Promise((res) => fs.readFile(M + "/b.txt", "utf8", (e, d) => res(e ? e.code : d)));
  r.callbackError = await new Promise((res) => fs.stat(M + "/nope", (e) => res(e && e.code)));
  r.callbackMkdir = await new Promise((res) => fs.mkdir(M + "/cb", (e) => res(e ? e.code : "ok")));
  await fsp.writeFile(M + "/p.txt", "p1");
  await fsp.appendFile(M + "/p.txt", "p2");
  r.promises = [await fsp.readFile(M + "/p.txt", "utf8"), (await fsp.stat(M + "/p.txt")).size,
    (await fsp.readdir(M)).includes("p.txt")];
  await fsp.mkdir(M + "/pd");
  await fsp.rename(M + "/p.txt", M + "/pd/p.txt");
  await fsp.access(M + "/pd/p.txt");
  await fsp.unlink(M + "/pd/p.txt");
  await fsp.rm(M + "/pd", { recursive: true });
  r.promiseError = await fsp.readFile(M + "/nope").catch((e) => e.code);
  const h = await fsp.open(M + "/h.txt", "w+");
  await h.write("handle");
  const hb = Buffer.alloc(6);
  const { bytesRead } = await h.read(hb, 0, 6, 0);
  await h.close();
  r.handle = [bytesRead, hb.toString()];
  await new Promise((res, rej) =>
    fs.createWriteStream(M + "/s.txt").on("error", rej).on("finish", res).end("streamed"));
  r.stream = await new Promise((res, rej) => {
    let s = "";
    fs.createReadStream(M + "/s.txt", "utf8").on("data", (c) => (s += c)).on("error", rej).on("end", () => res(s));
  });
  r.streamError = await new Promise((res) =>
    fs.createReadStream(M + "/nope").on("error", (e) => res(e.code)).on("data", () => res("data")));
  fs.symlinkSync("../../../../..", M + "/up");
  r.climb = fs.readdirSync(M + "/up").includes("b.txt");
  r.dotdot = attempt(() => fs.statSync(M + "/../cov-not-here"));
  r.taskRoot = fs.readFileSync(__filename, "utf8").includes("exports.handler");
  const local = "/tmp/accesslab-efs-local-" + process.pid;
  fs.writeFileSync(local, "local");
  r.localTmp = fs.readFileSync(local, "utf8");
  fs.unlinkSync(local);
  const esm = await import("node:fs/promises");
  r.esm = await esm.readFile(M + "/s.txt", "utf8");
  r.secretHidden = !Object.keys(process.env).some((k) => k.startsWith("ACCESSLAB"));
  return r;
};
`;

let server: TestServer;
let lambda: LambdaClient;
let result: Record<string, unknown>;

beforeAll(async () => {
  server = await startTestServer();
  lambda = new LambdaClient(server.config());
  const made = await setUp(server.config());
  const { EFSClient } = await import("@aws-sdk/client-efs");
  const efs = new EFSClient(server.config());
  const ap = await efs.send(
    new CreateAccessPointCommand({
      FileSystemId: made.fileSystemId,
      PosixUser: { Uid: 1000, Gid: 1000 },
      RootDirectory: {
        Path: "/coverage",
        CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "755" },
      },
    }),
  );
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: "efs-fs-coverage",
      Role: made.functionRole,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Timeout: 20,
      Code: { ZipFile: zipPackage({ "index.js": HANDLER }) },
      VpcConfig: { SubnetIds: [made.subnetId], SecurityGroupIds: [made.functionGroup] },
      FileSystemConfigs: [{ Arn: ap.AccessPointArn, LocalMountPath: "/mnt/cov" }],
    }),
  );
  const out = await lambda.send(new InvokeCommand({ FunctionName: "efs-fs-coverage" }));
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString("utf8");
  if (out.FunctionError) throw new Error(`the coverage handler failed: ${text}`);
  result = JSON.parse(text) as Record<string, unknown>;
}, 60_000);
afterAll(() => server.close());

it("reads, writes, appends and stats files as the access point's PosixUser", () => {
  expect(result.read).toBe("one\ntwo\n");
  expect(result.exists).toEqual([true, false]);
  expect(result.stat).toEqual([true, 1000, 1000, 8, "644"]);
  expect(result.lstatRoot).toBe(true);
});

it("makes, lists, renames and removes directories and files", () => {
  expect(result.mkdir).toBe("/mnt/cov/x");
  expect(result.readdir).toEqual(["a.txt", "x"]);
  expect(result.dirents).toEqual(["a.txt:f", "x:d"]);
  expect(result.renamed).toEqual([false, true]);
  expect(result.rmDir).toMatchObject({ code: "ERR_FS_EISDIR" });
  expect(result.rmForce).toBe("ok");
  expect(result.xGone).toBe(false);
});

it("throws errors shaped like Node's own", () => {
  expect(result.access).toBe("ok");
  expect(result.accessAfterChmod).toEqual({
    code: "EACCES",
    errno: -13,
    syscall: "access",
    path: "/mnt/cov/b.txt",
    message: "EACCES: permission denied, access '/mnt/cov/b.txt'",
  });
  expect(result.eacces).toEqual({
    code: "EACCES",
    errno: -13,
    syscall: "open",
    path: "/mnt/cov/locked/f.txt",
    message: "EACCES: permission denied, open '/mnt/cov/locked/f.txt'",
  });
  expect(result.enoent).toMatchObject({
    code: "ENOENT",
    errno: -2,
    message: "ENOENT: no such file or directory, open '/mnt/cov/missing.txt'",
  });
  expect(result.renameOut).toMatchObject({
    code: "EXDEV",
    message: "EXDEV: cross-device link not permitted, rename '/mnt/cov/b.txt' -> '/tmp/b.txt'",
  });
});

it("reads and writes through descriptors with positions", () => {
  expect(result.readSync).toEqual([4, "aXYd"]);
  expect(result.fstat).toBe(6);
  expect(result.writeOnReadFd).toMatchObject({ code: "EBADF" });
});

it("serves the callback and promise forms, FileHandle, streams and ES module imports", () => {
  expect(result.callback).toBe("one\ntwo\n");
  expect(result.callbackError).toBe("ENOENT");
  expect(result.callbackMkdir).toBe("ok");
  expect(result.promises).toEqual(["p1p2", 4, true]);
  expect(result.promiseError).toBe("ENOENT");
  expect(result.handle).toEqual([6, "handle"]);
  expect(result.stream).toBe("streamed");
  expect(result.streamError).toBe("ENOENT");
  expect(result.esm).toBe("streamed");
});

it("keeps `..` inside the access point's root and leaves local paths to the real fs", () => {
  expect(result.climb).toBe(true);
  expect(result.dotdot).toMatchObject({ code: "ENOENT", path: "/mnt/cov/../cov-not-here" });
  expect(result.taskRoot).toBe(true);
  expect(result.localTmp).toBe("local");
  expect(result.secretHidden).toBe(true);
});
