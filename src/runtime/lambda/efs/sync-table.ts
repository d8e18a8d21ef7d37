/**
 * Which synchronous `fs` calls a mount takes over, and how: for each
 * `…Sync` name, whether a call's arguments concern a mount (its path, or a
 * descriptor opened on one) and the bridged implementation. The callback
 * and promise forms are derived from this table by `install-fs`.
 */

import { type MountedPath, mountedPath, pathText } from "./mount-table.js";
import type { MountedFds } from "./mounted-fds.js";
import type { MountedPaths } from "./mounted-paths.js";

/** One bridged synchronous call. */
export interface SyncEntry {
  /** Whether these arguments (callback removed) are for a mount. */
  routes(args: readonly unknown[]): boolean;
  run(args: readonly unknown[]): unknown;
}

/** What the local (real) `fs` offers for calls that cross between a mount and the host. */
export interface LocalFs {
  readFileSync(path: unknown): Buffer;
  writeFileSync(path: unknown, data: Buffer): void;
}

/**
 * The bridged `…Sync` calls.
 *
 * @example
 * const table = syncTable(mounts, paths, fds, local);
 * table.readFileSync?.run(["/mnt/data/a.txt", "utf8"]);
 */
export function syncTable(
  mounts: readonly string[],
  paths: MountedPaths,
  fds: MountedFds,
  local: LocalFs,
): Record<string, SyncEntry> {
  const at = (arg: unknown): MountedPath | undefined => mountedPath(mounts, arg);
  const shown = (arg: unknown) => pathText(arg) ?? "";
  const onPath = (run: (where: MountedPath, display: string, rest: unknown[]) => unknown) => ({
    routes: (args: readonly unknown[]) => at(args[0]) !== undefined,
    run: (args: readonly unknown[]) =>
      run(at(args[0]) as MountedPath, shown(args[0]), args.slice(1)),
  });
  /** Calls taking a path or a descriptor opened on a mount. */
  const onPathOrFd = (run: (where: MountedPath, display: string, rest: unknown[]) => unknown) => ({
    routes: (args: readonly unknown[]) => fds.has(args[0]) || at(args[0]) !== undefined,
    run: (args: readonly unknown[]) => {
      const target = fds.has(args[0])
        ? fds.pathOf(args[0] as number)
        : { where: at(args[0]) as MountedPath, display: shown(args[0]) };
      return run(target.where, target.display, args.slice(1));
    },
  });
  const onFd = (run: (fd: number, rest: unknown[]) => unknown) => ({
    routes: (args: readonly unknown[]) => fds.has(args[0]),
    run: (args: readonly unknown[]) => run(args[0] as number, args.slice(1)),
  });
  type Opts = Parameters<MountedPaths["readFile"]>[2];
  return {
    readFileSync: onPathOrFd((w, d, [o]) => paths.readFile(w, d, o as Opts)),
    writeFileSync: onPathOrFd((w, d, [data, o]) => paths.writeFile(w, d, data, o as Opts)),
    appendFileSync: onPathOrFd((w, d, [data, o]) => paths.appendFile(w, d, data, o as Opts)),
    existsSync: onPath((w) => paths.exists(w)),
    statSync: onPath((w, d, [o]) => paths.stat(w, d, o as Opts)),
    lstatSync: onPath((w, d, [o]) => paths.stat(w, d, o as Opts, true)),
    readdirSync: onPath((w, d, [o]) => paths.readdir(w, d, o as Opts)),
    mkdirSync: onPath((w, d, [o]) => paths.mkdir(w, d, o)),
    rmSync: onPath((w, d, [o]) => paths.rm(w, d, o as Opts)),
    rmdirSync: onPath((w, d) => paths.rmdir(w, d)),
    unlinkSync: onPath((w, d) => paths.unlink(w, d)),
    accessSync: onPath((w, d, [mode]) => paths.access(w, d, mode as number | undefined)),
    chmodSync: onPath((w, d, [mode]) => paths.chmod(w, d, mode)),
    chownSync: onPath((w, d, [uid, gid]) => paths.chown(w, d, Number(uid), Number(gid))),
    truncateSync: onPathOrFd((w, d, [size]) => paths.truncate(w, d, size as number | undefined)),
    readlinkSync: onPath((w, d, [o]) => paths.readlink(w, d, o as Opts)),
    realpathSync: onPath((w, d) => paths.realpath(w, d)),
    openSync: onPath((w, d, [flags, mode]) => fds.open(w, d, flags, mode)),
    renameSync: {
      routes: (args) => at(args[0]) !== undefined || at(args[1]) !== undefined,
      run: (args) => paths.rename(args[0], args[1]),
    },
    symlinkSync: {
      routes: (args) => at(args[1]) !== undefined,
      run: (args) => paths.symlink(args[0], at(args[1]) as MountedPath, shown(args[1])),
    },
    copyFileSync: {
      routes: (args) => at(args[0]) !== undefined || at(args[1]) !== undefined,
      run: (args) => {
        const [from, to] = [at(args[0]), at(args[1])];
        const data = from
          ? (paths.readFile(from, shown(args[0])) as Buffer)
          : local.readFileSync(args[0]);
        if (to) paths.writeFile(to, shown(args[1]), data);
        else local.writeFileSync(args[1], data);
      },
    },
    readSync: onFd((fd, [buffer, ...rest]) =>
      fds.read(fd, buffer as NodeJS.ArrayBufferView, ...rest),
    ),
    writeSync: onFd((fd, [data, ...rest]) => fds.write(fd, data, ...rest)),
    closeSync: onFd((fd) => fds.close(fd)),
    fstatSync: onFd((fd) => fds.fstat(fd)),
    ftruncateSync: onFd((fd, [size]) => fds.ftruncate(fd, size as number | undefined)),
    fsyncSync: onFd(() => undefined),
    fdatasyncSync: onFd(() => undefined),
  };
}
