/**
 * A local code directory as a Lambda deployment package, as `sam deploy`
 * and `aws cloudformation package` make one: every file under the
 * directory, by its path relative to it, with its Unix permission bits
 * (so an executable stays executable once unpacked). Symbolic links are
 * followed only when they stay inside the directory; anything else is
 * left out.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type Zippable, zipSync } from "fflate";
import { CliError } from "./cli-error.js";

/** The zip host system for Unix, whose external attributes carry the mode. */
const UNIX = 3;

/**
 * Zips `directory`; throws a `CliError` when it is not a readable directory.
 *
 * @example
 * zipDirectory("src").length; // bytes of the archive
 */
export function zipDirectory(directory: string): Uint8Array {
  let root: string;
  try {
    root = realpathSync(directory);
    if (!statSync(root).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new CliError(`cannot package \`${directory}\`: not a readable directory`);
  }
  const files: Zippable = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const link = lstatSync(path);
      const real = link.isSymbolicLink() ? safeTarget(root, path) : path;
      if (real === undefined) continue;
      const stats = statSync(real);
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile())
        files[relative(root, path).split(sep).join("/")] = [
          readFileSync(real),
          { os: UNIX, attrs: (stats.mode & 0o777) << 16 },
        ];
    }
  };
  walk(root);
  return zipSync(files, { level: 6 });
}

function safeTarget(root: string, path: string): string | undefined {
  try {
    const real = realpathSync(path);
    return real === root || real.startsWith(`${root}${sep}`) ? real : undefined;
  } catch {
    return undefined;
  }
}
