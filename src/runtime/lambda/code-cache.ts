/**
 * Where functions' code is unpacked: one directory per package under a
 * root the runner owns, named after the package's CodeSha256 (so every
 * instance of every function with the same code shares it, and a new
 * upload gets a new directory). A package is unpacked once, into a
 * temporary sibling that is renamed into place, so an instance never sees a
 * half-written tree; concurrent requests for the same package wait for the
 * same unpacking.
 */
import { chmod, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { unpackZip } from "./unpack-code.js";

/** A cache of unpacked packages under one root directory. */
export interface CodeCache {
  /** The directory holding the package's files (its task root). */
  directoryFor(codeSha256: string, zipFileBase64: string): Promise<string>;
}

/**
 * A cache under `root` (an existing, world-traversable directory).
 *
 * @example
 * const cache = codeCache("/tmp/accesslab-lambda-1a2b");
 * const taskRoot = await cache.directoryFor(fn.codeSha256, code.zipFileBase64);
 */
export function codeCache(root: string): CodeCache {
  const pending = new Map<string, Promise<string>>();
  return {
    directoryFor(codeSha256, zipFileBase64) {
      const name = Buffer.from(codeSha256, "base64").toString("hex") || "empty";
      const known = pending.get(name);
      if (known) return known;
      const work = unpackOnce(root, name, zipFileBase64);
      pending.set(name, work);
      work.catch(() => pending.delete(name));
      return work;
    },
  };
}

async function unpackOnce(root: string, name: string, zipFileBase64: string): Promise<string> {
  const target = join(root, name);
  if (await exists(target)) return target;
  const staging = await mkdtemp(join(root, `.${name}-`));
  try {
    await chmod(staging, 0o755);
    await unpackZip(Buffer.from(zipFileBase64, "base64"), staging);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return target;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
