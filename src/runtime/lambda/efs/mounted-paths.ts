/**
 * The path-based `fs` calls on a mount, synchronous and with Node's
 * signatures and return values: read, write and append whole files,
 * exists, stat and lstat, readdir (names, Buffers or Dirents, recursive),
 * mkdir (recursive answers the first directory made), rm, rmdir, unlink,
 * rename (EXDEV across mounts or to a local path), access, chmod, chown,
 * truncate, symlink, readlink, realpath and copyFile. Each takes a path
 * already known to be on a mount (`where`) and the caller's own spelling
 * of it (`display`) for errors.
 */
import type { Dirent, Stats } from "node:fs";
import type { BridgeDirent, BridgeStat } from "./bridge-protocol.js";
import { type MountedPath, mountedPath, pathText } from "./mount-table.js";
import { nodeError } from "./node-error.js";
import { nodeDirent, nodeStats } from "./node-stats.js";
import { parseFlags } from "./open-flags.js";
import type { Remote } from "./remote.js";

type Options = Record<string, unknown> | string | undefined;

const optionsOf = (options: unknown): Record<string, unknown> =>
  typeof options === "string"
    ? { encoding: options }
    : ((options as Record<string, unknown> | undefined) ?? {});

/**
 * Bytes of `data` as Node's write calls take it (string, Buffer, TypedArray, DataView).
 *
 * @example
 * bytesOf("hi", "utf8").length; // 2
 */
export function bytesOf(data: unknown, encoding: unknown): Buffer {
  if (typeof data === "string") return Buffer.from(data, (encoding as BufferEncoding) ?? "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(
    'The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.',
  );
}

const decode = (data: Buffer, encoding: unknown) =>
  encoding && encoding !== "buffer" ? data.toString(encoding as BufferEncoding) : data;

/** The path-based operations of one instance's mounts. */
export interface MountedPaths {
  readFile(where: MountedPath, display: string, options?: Options): Buffer | string;
  writeFile(where: MountedPath, display: string, data: unknown, options?: Options): void;
  appendFile(where: MountedPath, display: string, data: unknown, options?: Options): void;
  exists(where: MountedPath): boolean;
  stat(where: MountedPath, display: string, options?: Options, link?: boolean): Stats | undefined;
  readdir(where: MountedPath, display: string, options?: Options): (string | Buffer | Dirent)[];
  mkdir(where: MountedPath, display: string, options?: unknown): string | undefined;
  rm(where: MountedPath, display: string, options?: Options): void;
  rmdir(where: MountedPath, display: string): void;
  unlink(where: MountedPath, display: string): void;
  rename(from: unknown, to: unknown): void;
  access(where: MountedPath, display: string, mode?: number): void;
  chmod(where: MountedPath, display: string, mode: unknown): void;
  chown(where: MountedPath, display: string, uid: number, gid: number): void;
  truncate(where: MountedPath, display: string, size?: number): void;
  symlink(target: unknown, where: MountedPath, display: string): void;
  readlink(where: MountedPath, display: string, options?: Options): string | Buffer;
  realpath(where: MountedPath, display: string): string;
}

/**
 * The path operations over a remote.
 *
 * @example
 * const paths = mountedPaths(remote);
 * paths.readFile(mountedPath(["/mnt/data"], "/mnt/data/a.txt")!, "/mnt/data/a.txt", "utf8");
 */
export function mountedPaths(remote: Remote): MountedPaths {
  const write = (
    where: MountedPath,
    display: string,
    data: unknown,
    options: Options,
    flag: string,
  ) => {
    const opts = optionsOf(options);
    const parsed = parseFlags(opts.flag ?? flag);
    remote.run(
      where,
      {
        op: "writeFile",
        path: where.inner,
        data: bytesOf(data, opts.encoding).toString("base64"),
        append: parsed.append,
        exclusive: parsed.flags.exclusive ?? false,
        create: parsed.flags.create ?? false,
        truncate: parsed.flags.truncate ?? false,
        mode: typeof opts.mode === "number" ? opts.mode : 0o666,
      },
      "open",
      display,
    );
  };
  const paths: MountedPaths = {
    readFile(where, display, options) {
      const opts = optionsOf(options);
      const base64 = remote.run<string>(
        where,
        { op: "readFile", path: where.inner },
        "open",
        display,
      );
      return decode(Buffer.from(base64, "base64"), opts.encoding);
    },
    writeFile: (where, display, data, options) => write(where, display, data, options, "w"),
    appendFile: (where, display, data, options) => write(where, display, data, options, "a"),
    exists(where) {
      try {
        remote.run(where, { op: "stat", path: where.inner }, "stat", "");
        return true;
      } catch {
        return false;
      }
    },
    stat(where, display, options, link = false) {
      const op = link ? "lstat" : "stat";
      try {
        return nodeStats(remote.run<BridgeStat>(where, { op, path: where.inner }, op, display));
      } catch (error) {
        if (
          optionsOf(options).throwIfNoEntry === false &&
          (error as { code?: string }).code === "ENOENT"
        )
          return undefined;
        throw error;
      }
    },
    readdir(where, display, options) {
      const opts = optionsOf(options);
      const list = (inner: string, shown: string, prefix: string): (string | Buffer | Dirent)[] => {
        const items = remote.run<BridgeDirent[]>(
          { mount: where.mount, inner },
          { op: "readdir", path: inner },
          "scandir",
          shown,
        );
        return items.flatMap((item) => {
          const name = `${prefix}${item.name}`;
          const own = opts.withFileTypes
            ? nodeDirent(item, shown)
            : opts.encoding === "buffer"
              ? Buffer.from(name)
              : name;
          if (!opts.recursive || item.type !== "directory") return [own];
          const child = `${inner.replace(/\/$/, "")}/${item.name}`;
          return [own, ...list(child, `${shown.replace(/\/$/, "")}/${item.name}`, `${name}/`)];
        });
      };
      return list(where.inner, display, "");
    },
    mkdir(where, display, options) {
      const opts = typeof options === "number" ? { mode: options } : optionsOf(options as Options);
      const mode = typeof opts.mode === "number" ? opts.mode : 0o777;
      const recursive = opts.recursive === true;
      const made = remote.run<string | null>(
        where,
        { op: "mkdir", path: where.inner, mode, recursive },
        "mkdir",
        display,
      );
      if (!recursive || made === null) return undefined;
      return made === "/" ? where.mount : `${where.mount}${made}`;
    },
    rm(where, display, options) {
      const opts = optionsOf(options);
      remote.run(
        where,
        {
          op: "rm",
          path: where.inner,
          recursive: opts.recursive === true,
          force: opts.force === true,
        },
        "rm",
        display,
      );
    },
    rmdir: (where, display) =>
      remote.run(where, { op: "rmdir", path: where.inner }, "rmdir", display),
    unlink: (where, display) =>
      remote.run(where, { op: "unlink", path: where.inner }, "unlink", display),
    rename(from, to) {
      const [a, b] = [mountedPath(remote.mounts, from), mountedPath(remote.mounts, to)];
      const [shownA, shownB] = [pathText(from) ?? "", pathText(to) ?? ""];
      if (a === undefined || b === undefined || a.mount !== b.mount)
        throw nodeError("EXDEV", "rename", shownA, shownB);
      remote.run(a, { op: "rename", path: a.inner, to: b.inner }, "rename", shownA, shownB);
    },
    access: (where, display, mode = 0) =>
      remote.run(where, { op: "access", path: where.inner, mode }, "access", display),
    chmod: (where, display, mode) =>
      remote.run(
        where,
        {
          op: "chmod",
          path: where.inner,
          mode: typeof mode === "string" ? Number.parseInt(mode, 8) : Number(mode),
        },
        "chmod",
        display,
      ),
    chown: (where, display, uid, gid) =>
      remote.run(where, { op: "chown", path: where.inner, uid, gid }, "chown", display),
    truncate: (where, display, size = 0) =>
      remote.run(where, { op: "truncate", path: where.inner, size }, "open", display),
    symlink(target, where, display) {
      const text = pathText(target) ?? "";
      remote.run(
        where,
        { op: "symlink", path: where.inner, target: text },
        "symlink",
        text,
        display,
      );
    },
    readlink(where, display, options) {
      const target = remote.run<string>(
        where,
        { op: "readlink", path: where.inner },
        "readlink",
        display,
      );
      return optionsOf(options).encoding === "buffer" ? Buffer.from(target) : target;
    },
    realpath(where, display) {
      remote.run(where, { op: "stat", path: where.inner }, "lstat", display);
      return where.inner === "/" ? where.mount : `${where.mount}${where.inner}`;
    },
  };
  return paths;
}
