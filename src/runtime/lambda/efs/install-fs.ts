/**
 * Puts the bridged calls into the process's own `fs` module object (which
 * CommonJS `require("fs")` and, after `syncBuiltinESMExports`, ES module
 * imports of `fs` and `fs/promises` both see): each `…Sync` function, its
 * callback form, `writev`, and the `fs.promises` functions (with `open`
 * answering a `MountFileHandle`). A call whose arguments do not concern a
 * mount goes to the original function untouched. Streams
 * (`createReadStream`/`createWriteStream`) open, read, write and close
 * through the module's callback functions, so they follow.
 */
import type * as nodeFs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { MountFileHandle } from "./file-handle.js";
import type { MountedFds } from "./mounted-fds.js";
import type { MountedPaths } from "./mounted-paths.js";
import type { SyncEntry } from "./sync-table.js";

type AnyFunction = (...args: unknown[]) => unknown;
type Table = Record<string, SyncEntry>;

/** How a callback form hands its result to the callback. */
const CALLBACK_SHAPES: Readonly<Record<string, (result: unknown, args: unknown[]) => unknown[]>> = {
  read: (n, args) => [n, args[1]],
  write: (n, args) => [n, args[1]],
};

/** The `fs.promises` functions bridged, by the sync name they run. */
const PROMISE_NAMES = [
  "readFile",
  "writeFile",
  "appendFile",
  "stat",
  "lstat",
  "readdir",
  "mkdir",
  "rm",
  "rmdir",
  "unlink",
  "rename",
  "access",
  "chmod",
  "chown",
  "truncate",
  "symlink",
  "readlink",
  "realpath",
  "copyFile",
] as const;

/**
 * Installs the bridge into `fs`.
 *
 * @example
 * installFs(require("node:fs"), syncTable(mounts, paths, fds, local), fds, paths);
 */
export function installFs(
  fs: typeof nodeFs,
  table: Table,
  fds: MountedFds,
  paths: MountedPaths,
): void {
  const target = fs as unknown as Record<string, AnyFunction>;
  for (const [syncName, entry] of Object.entries(table)) {
    const original = target[syncName];
    if (typeof original !== "function") continue;
    target[syncName] = function bridged(this: unknown, ...args: unknown[]) {
      if (!entry.routes(args)) return original.apply(this, args);
      try {
        return entry.run(args);
      } catch (error) {
        // the trace starts at the caller, as for Node's own fs errors
        if (error instanceof Error) Error.captureStackTrace(error, bridged);
        throw error;
      }
    };
    const name = syncName.slice(0, -"Sync".length);
    const originalAsync = target[name];
    if (typeof originalAsync !== "function") continue;
    target[name] = callbackForm(name, entry, originalAsync);
  }
  target.writev = writevForm(fds, target.writev as AnyFunction);
  installPromises(fs.promises as unknown as Record<string, AnyFunction>, table, fds, paths);
  syncBuiltinESMExports();
}

function callbackForm(name: string, entry: SyncEntry, original: AnyFunction): AnyFunction {
  return function bridged(this: unknown, ...args: unknown[]) {
    const callback = args.at(-1);
    if (typeof callback !== "function") return original.apply(this, args);
    const rest = args.slice(0, -1);
    if (!entry.routes(rest)) return original.apply(this, args);
    let result: unknown;
    try {
      result = entry.run(rest);
    } catch (error) {
      if (name === "exists") return process.nextTick(callback, false);
      return process.nextTick(callback, asyncError(error));
    }
    if (name === "exists") return process.nextTick(callback, result);
    const shape = CALLBACK_SHAPES[name];
    return process.nextTick(callback, null, ...(shape ? shape(result, rest) : [result]));
  };
}

function writevForm(fds: MountedFds, original: AnyFunction): AnyFunction {
  return function writev(this: unknown, ...args: unknown[]) {
    const callback = args.at(-1);
    if (!fds.has(args[0]) || typeof callback !== "function") return original.apply(this, args);
    const [fd, buffers, position] = args as [number, NodeJS.ArrayBufferView[], unknown];
    try {
      let written = 0;
      let at = typeof position === "number" ? position : undefined;
      for (const buffer of buffers) {
        const n = fds.write(fd, buffer, 0, buffer.byteLength, at);
        written += n;
        if (at !== undefined) at += n;
      }
      process.nextTick(callback, null, written, buffers);
    } catch (error) {
      process.nextTick(callback, asyncError(error));
    }
  };
}

/** Node's asynchronous fs errors carry no JavaScript frames: the stack is the message alone. */
function asyncError(error: unknown): unknown {
  if (error instanceof Error) error.stack = `${error.name}: ${error.message}`;
  return error;
}

function installPromises(
  promises: Record<string, AnyFunction>,
  table: Table,
  fds: MountedFds,
  paths: MountedPaths,
): void {
  const handleOf = (value: unknown) => (value instanceof MountFileHandle ? value : undefined);
  for (const name of PROMISE_NAMES) {
    const entry = table[`${name}Sync`];
    const original = promises[name];
    if (entry === undefined || typeof original !== "function") continue;
    promises[name] = function bridged(this: unknown, ...args: unknown[]) {
      const handle = handleOf(args[0]);
      const routed = handle ? [handle.fd, ...args.slice(1)] : args;
      if (!handle && !entry.routes(args)) return original.apply(this, args);
      return new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(entry.run(routed));
          } catch (error) {
            reject(asyncError(error));
          }
        }),
      );
    };
  }
  const open = table.openSync;
  const originalOpen = promises.open;
  if (open === undefined || typeof originalOpen !== "function") return;
  promises.open = function bridgedOpen(this: unknown, ...args: unknown[]) {
    if (!open.routes(args)) return originalOpen.apply(this, args);
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(new MountFileHandle(open.run(args) as number, fds, paths));
        } catch (error) {
          reject(error);
        }
      }),
    );
  };
}
