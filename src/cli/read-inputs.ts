/**
 * Turns command-line paths into the files to read: files as given,
 * directories expanded to their `*.json` files in name order.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error.js";

/**
 * Expands paths; a path that does not exist is a {@link CliError}.
 *
 * @example
 * expandJsonPaths(["examples/policy"]); // ["examples/policy/a.json", ...]
 */
export function expandJsonPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw new CliError(`cannot read \`${path}\`: ${describeFsError(error)}`);
    }
    if (!isDirectory) {
      out.push(path);
      continue;
    }
    const names = readdirSync(path)
      .filter((n) => n.endsWith(".json"))
      .sort();
    if (names.length === 0) throw new CliError(`no \`.json\` files in \`${path}\``);
    out.push(...names.map((n) => join(path, n)));
  }
  return out;
}

/** Reads a UTF-8 file, turning file-system errors into {@link CliError}s. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read \`${path}\`: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}
