/**
 * Test support: deployment packages built in the test itself with fflate
 * (the zip writer accesslab already uses for inline code), with Unix
 * permission bits when asked, so tests need no archive tool on the
 * machine. Reading zips is yauzl's job in the runtime.
 */
import { strToU8, type Zippable, zipSync } from "fflate";

/** One file of a package: its text, and optionally its Unix mode (e.g. 0o600). */
export type PackageFile = string | { readonly text: string; readonly mode: number };

/** The zip host system for Unix, whose external attributes carry the mode. */
const UNIX = 3;

/**
 * A zip archive of `files` (path → content), as a Buffer.
 *
 * @example
 * const zip = zipPackage({ "index.js": "exports.handler = async () => 1;" });
 */
export function zipPackage(files: Readonly<Record<string, PackageFile>>): Buffer {
  const entries: Zippable = {};
  for (const [path, file] of Object.entries(files))
    entries[path] =
      typeof file === "string"
        ? strToU8(file)
        : [strToU8(file.text), { os: UNIX, attrs: ((0o100000 | file.mode) << 16) >>> 0 }];
  return Buffer.from(zipSync(entries, { level: 6 }));
}
