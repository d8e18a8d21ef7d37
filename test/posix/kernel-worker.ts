/**
 * A kernel-oracle worker: a child process started as root that moves into
 * the oracle's root directory, takes one identity for good (supplementary
 * groups, then gid, then uid: the order that still has the privilege to
 * do each), and then answers newline-delimited JSON requests on stdin,
 * each one operation performed with Node's synchronous `fs` calls (which
 * map one-to-one to system calls), with the errno code or the result on
 * stdout. Arguments: `root uid gid groups` (groups comma-separated).
 */
import * as fs from "node:fs";
import { createInterface } from "node:readline";
import type { OracleOp, OracleOpenFlags, OracleOutcome } from "./oracle-ops.js";

const [root, uidText, gidText, groupsText] = process.argv.slice(2);
if (root === undefined || uidText === undefined || gidText === undefined) {
  process.stderr.write("usage: kernel-worker root uid gid groups\n");
  process.exit(2);
}
const groups = groupsText ? groupsText.split(",").filter(Boolean).map(Number) : [];
process.chdir(root);
process.setgroups?.(groups);
process.setgid?.(Number(gidText));
process.setuid?.(Number(uidText));

const C = fs.constants;

function openFlags(flags: OracleOpenFlags): number {
  let value = flags.read && flags.write ? C.O_RDWR : flags.write ? C.O_WRONLY : C.O_RDONLY;
  if (flags.create) value |= C.O_CREAT;
  if (flags.exclusive) value |= C.O_EXCL;
  if (flags.truncate) value |= C.O_TRUNC;
  if (flags.append) value |= C.O_APPEND;
  if (flags.noFollow) value |= C.O_NOFOLLOW;
  if (flags.directory) value |= C.O_DIRECTORY;
  return value;
}

function statValue(stats: fs.Stats): unknown {
  const { mode, uid, gid, nlink, size } = stats;
  return stats.isDirectory() ? { mode, uid, gid, nlink } : { mode, uid, gid, nlink, size };
}

function withFd<T>(fd: number, work: (fd: number) => T): T {
  try {
    return work(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function run(action: OracleOp): unknown {
  switch (action.op) {
    case "mkdir":
      return void fs.mkdirSync(action.path, action.mode);
    case "open":
      return void fs.closeSync(fs.openSync(action.path, openFlags(action.flags), action.mode));
    case "write": {
      const fd = fs.openSync(action.path, openFlags(action.flags), action.mode);
      return void withFd(fd, () => fs.writeSync(fd, Buffer.from(action.data, "latin1")));
    }
    case "writeAt": {
      const fd = fs.openSync(action.path, C.O_WRONLY);
      const data = Buffer.from(action.data, "latin1");
      return void withFd(fd, () => fs.writeSync(fd, data, 0, data.length, action.offset));
    }
    case "read":
      return fs.readFileSync(action.path).toString("latin1");
    case "truncate": {
      const fd = fs.openSync(action.path, C.O_WRONLY);
      return void withFd(fd, () => fs.ftruncateSync(fd, action.size));
    }
    case "unlink":
      return void fs.unlinkSync(action.path);
    case "rmdir":
      return void fs.rmdirSync(action.path);
    case "rename":
      return void fs.renameSync(action.from, action.to);
    case "link":
      return void fs.linkSync(action.from, action.to);
    case "symlink":
      return void fs.symlinkSync(action.target, action.path);
    case "readlink":
      return fs.readlinkSync(action.path);
    case "readdir":
      return fs.readdirSync(action.path).sort();
    case "stat":
      return statValue(fs.statSync(action.path));
    case "lstat":
      return statValue(fs.lstatSync(action.path));
    case "access":
      return void fs.accessSync(action.path, action.mode);
    case "chmod":
      return void fs.chmodSync(action.path, action.mode);
    case "chown":
      return void fs.chownSync(action.path, action.uid, action.gid);
    case "utimes":
      return void fs.utimesSync(action.path, action.atime, action.mtime);
  }
}

interface Request {
  readonly id: number;
  readonly umask: number;
  readonly action: OracleOp;
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line) as Request;
  let outcome: OracleOutcome;
  try {
    process.umask(request.umask);
    const value = run(request.action);
    outcome = value === undefined ? { ok: true } : { ok: true, value };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    outcome = { ok: false, errno: typeof code === "string" ? code : String(error) };
  }
  process.stdout.write(`${JSON.stringify({ id: request.id, outcome })}\n`);
});
