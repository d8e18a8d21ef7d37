/**
 * Which calls the instance's `fs` preload routes to the bridge: a path
 * (string, Buffer or `file:` URL; relative ones against the working
 * directory) that is a mount's `LocalMountPath` or lies under it, after
 * `.` and `..` are resolved as text, as the kernel would reach them from
 * the mount point (so `/mnt/data/../x` is the local `/mnt/x`). Anything
 * else, including file descriptors, stays with the real `fs`.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** A path that falls in a mount. */
export interface MountedPath {
  /** The mount's `LocalMountPath`. */
  readonly mount: string;
  /** The path inside the mount, `/` for its root. */
  readonly inner: string;
}

/**
 * The mount a path falls in, if any.
 *
 * @example
 * mountedPath(["/mnt/data"], "/mnt/data/a/../b.txt"); // { mount: "/mnt/data", inner: "/b.txt" }
 * mountedPath(["/mnt/data"], "/mnt/database"); // undefined
 */
export function mountedPath(mounts: readonly string[], path: unknown): MountedPath | undefined {
  const text = pathText(path);
  if (text === undefined || text.includes("\u0000")) return undefined;
  const absolute = resolve(text);
  for (const mount of mounts) {
    if (absolute === mount) return { mount, inner: "/" };
    if (absolute.startsWith(`${mount}/`)) return { mount, inner: absolute.slice(mount.length) };
  }
  return undefined;
}

/**
 * A path argument as text, as Node reads it.
 *
 * @example
 * pathText(new URL("file:///mnt/data/x")); // "/mnt/data/x"
 */
export function pathText(path: unknown): string | undefined {
  if (typeof path === "string") return path;
  if (Buffer.isBuffer(path)) return path.toString("utf8");
  if (path instanceof URL && path.protocol === "file:") return fileURLToPath(path);
  return undefined;
}
