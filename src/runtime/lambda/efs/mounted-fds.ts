/**
 * File descriptors on a mount. The data plane keeps no handles, so a
 * descriptor is the path it was opened with, its access mode and its
 * position, kept here; each read or write is a ranged call on that path
 * (permissions are checked again on each, where a kernel checks at open
 * only). The number itself is a real descriptor of `/dev/null`, held until
 * close, so it can never collide with a descriptor the process opens
 * locally.
 */

import type { Stats } from "node:fs";
import { closeSync, openSync } from "node:fs";
import type { BridgeStat } from "./bridge-protocol.js";
import type { MountedPath } from "./mount-table.js";
import { bytesOf } from "./mounted-paths.js";
import { nodeError } from "./node-error.js";
import { nodeStats } from "./node-stats.js";
import { parseFlags } from "./open-flags.js";
import type { Remote } from "./remote.js";

interface OpenFile {
  readonly where: MountedPath;
  readonly display: string;
  readonly readable: boolean;
  readonly writable: boolean;
  readonly append: boolean;
  position: number;
}

/** The descriptor operations of one instance's mounts. */
export interface MountedFds {
  /** Whether `fd` is a descriptor on a mount. */
  has(fd: unknown): boolean;
  open(where: MountedPath, display: string, flags?: unknown, mode?: unknown): number;
  read(fd: number, buffer: NodeJS.ArrayBufferView, ...rest: unknown[]): number;
  write(fd: number, data: unknown, ...rest: unknown[]): number;
  close(fd: number): void;
  fstat(fd: number): Stats;
  ftruncate(fd: number, size?: number): void;
  /** The path a descriptor was opened with (for FileHandle.readFile and friends). */
  pathOf(fd: number): { where: MountedPath; display: string };
}

const ebadf = (syscall: string) => nodeError("EBADF", syscall);

/**
 * The descriptor table over a remote.
 *
 * @example
 * const fds = mountedFds(remote, openSync, closeSync);
 * const fd = fds.open(where, "/mnt/data/log.txt", "a");
 * fds.write(fd, "line\n");
 * fds.close(fd);
 */
export function mountedFds(
  remote: Remote,
  localOpen: typeof openSync = openSync,
  localClose: typeof closeSync = closeSync,
): MountedFds {
  const files = new Map<number, OpenFile>();
  const file = (fd: number, syscall: string): OpenFile => {
    const found = files.get(fd);
    if (found === undefined) throw ebadf(syscall);
    return found;
  };
  return {
    has: (fd) => typeof fd === "number" && files.has(fd),
    open(where, display, flags = "r", mode = 0o666) {
      const parsed = parseFlags(flags);
      remote.run(
        where,
        {
          op: "open",
          path: where.inner,
          flags: parsed.flags,
          mode: typeof mode === "string" ? Number.parseInt(mode, 8) : Number(mode),
        },
        "open",
        display,
      );
      const fd = localOpen("/dev/null", "r");
      files.set(fd, { where, display, ...parsed, position: 0 });
      return fd;
    },
    read(fd, buffer, ...rest) {
      const f = file(fd, "read");
      if (!f.readable) throw ebadf("read");
      const opts = (typeof rest[0] === "object" && rest[0] !== null ? rest[0] : {}) as Record<
        string,
        unknown
      >;
      const offset = Number(typeof rest[0] === "number" ? rest[0] : (opts.offset ?? 0));
      const length = Number(
        typeof rest[1] === "number" ? rest[1] : (opts.length ?? buffer.byteLength - offset),
      );
      const given = typeof rest[0] === "number" ? rest[2] : opts.position;
      const position =
        typeof given === "number" && given >= 0
          ? given
          : typeof given === "bigint"
            ? Number(given)
            : undefined;
      const base64 = remote.run<string>(
        f.where,
        { op: "readFile", path: f.where.inner, offset: position ?? f.position, length },
        "read",
        f.display,
      );
      const data = Buffer.from(base64, "base64");
      const target = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      data.copy(target, offset);
      if (position === undefined) f.position += data.length;
      return data.length;
    },
    write(fd, data, ...rest) {
      const f = file(fd, "write");
      if (!f.writable) throw ebadf("write");
      let bytes: Buffer;
      let position: unknown;
      if (typeof data === "string") {
        bytes = bytesOf(data, typeof rest[1] === "string" ? rest[1] : "utf8");
        position = rest[0];
      } else {
        const all = bytesOf(data, undefined);
        const opts = (typeof rest[0] === "object" && rest[0] !== null ? rest[0] : {}) as Record<
          string,
          unknown
        >;
        const offset = Number(typeof rest[0] === "number" ? rest[0] : (opts.offset ?? 0));
        const length = Number(
          typeof rest[1] === "number" ? rest[1] : (opts.length ?? all.length - offset),
        );
        bytes = all.subarray(offset, offset + length);
        position = typeof rest[0] === "number" ? rest[2] : opts.position;
      }
      const at = typeof position === "number" && position >= 0 ? position : undefined;
      const request = f.append
        ? {
            op: "writeFile" as const,
            path: f.where.inner,
            data: bytes.toString("base64"),
            append: true,
            create: false,
            truncate: false,
          }
        : {
            op: "writeAt" as const,
            path: f.where.inner,
            offset: at ?? f.position,
            data: bytes.toString("base64"),
          };
      const stat = remote.run<BridgeStat>(f.where, request, "write", f.display);
      if (f.append) f.position = stat.size;
      else if (at === undefined) f.position += bytes.length;
      return bytes.length;
    },
    close(fd) {
      file(fd, "close");
      files.delete(fd);
      localClose(fd);
    },
    fstat(fd) {
      const f = file(fd, "fstat");
      return nodeStats(
        remote.run<BridgeStat>(f.where, { op: "stat", path: f.where.inner }, "fstat", f.display),
      );
    },
    ftruncate(fd, size = 0) {
      const f = file(fd, "ftruncate");
      if (!f.writable) throw nodeError("EINVAL", "ftruncate");
      remote.run(f.where, { op: "truncate", path: f.where.inner, size }, "ftruncate", f.display);
    },
    pathOf(fd) {
      const f = file(fd, "fstat");
      return { where: f.where, display: f.display };
    },
  };
}
