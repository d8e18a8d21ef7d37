/**
 * Finding a container's program before it starts, as Docker does when it
 * creates the container: a name with a `/` is taken relative to the
 * working directory, any other name is searched in the container's PATH.
 * Used when the process accesslab spawns is a launcher (`nsenter`) that
 * execs the program later, so that a missing or non-executable program is
 * still reported with Docker's `CannotStartContainerError` reason instead
 * of the launcher's own message and exit code. The texts are the ones
 * the direct spawn reports (see `container-process.ts`), so both ways of
 * starting a container fail alike.
 */
import { accessSync, constants, statSync } from "node:fs";
import { resolve } from "node:path";
import { CANNOT_START } from "./assumptions.js";

/**
 * Why `file` cannot be executed, or undefined when it can.
 *
 * @example
 * executableProblem("no-such-program", "/usr/bin:/bin", "/"); // 'CannotStartContainerError: exec: "no-such-program": executable file not found in $PATH'
 */
export function executableProblem(file: string, path: string, cwd: string): string | undefined {
  const candidates = file.includes("/")
    ? [resolve(cwd, file)]
    : path
        .split(":")
        .filter((d) => d !== "")
        .map((d) => resolve(cwd, d, file));
  let denied = false;
  for (const candidate of candidates) {
    if (!isFile(candidate)) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return undefined;
    } catch {
      denied = true;
    }
  }
  if (denied) return `${CANNOT_START}: exec: "${file}": permission denied`;
  return `${CANNOT_START}: exec: "${file}": executable file not found in $PATH`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
