/**
 * One `serve` per state directory. A serve ends what an earlier serve of
 * its state left running (ECS containers, `smbd`s of FSx file systems),
 * so a second serve on a state another serve is using would stop that
 * serve's work, and both would write one SQLite state. `serve.lock` in the
 * state directory holds the pid of the serve that owns it; a lock whose
 * process no longer runs as a `serve` (one killed outright) is stale and
 * taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { procArguments } from "../runtime/process/proc-stat.js";
import { CliError } from "./cli-error.js";

/** The lock file's name inside the state directory. */
export const LOCK_FILE = "serve.lock";

/** A held lock. */
export interface StateLock {
  /** Gives the directory up (idempotent). */
  release(): void;
}

/**
 * Takes the state directory `dir` for this process, or throws a `CliError` naming the serve that has it.
 *
 * @example
 * const lock = lockStateDirectory(".accesslab");
 * process.once("exit", () => lock.release());
 */
export function lockStateDirectory(dir: string): StateLock {
  try {
    return takeLock(dir);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot use state directory \`${dir}\`: ${(error as Error).message}`);
  }
}

function takeLock(dir: string): StateLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = lockHolder(path);
      if (holder !== undefined)
        throw new CliError(
          `state directory \`${dir}\` is in use by another accesslab serve (pid ${holder}): stop it, or give this one another --state`,
        );
      unlinkSync(path); // stale: its serve is gone
    }
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      if (lockHolderPid(path) === process.pid) unlinkSync(path);
    },
  };
}

/** The pid of the live serve holding `path`, if any. */
function lockHolder(path: string): number | undefined {
  const pid = lockHolderPid(path);
  if (pid === undefined || pid === process.pid) return undefined;
  return runsServe(pid) ? pid : undefined;
}

function lockHolderPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a live process whose arguments include `serve` (a reused pid is not). */
function runsServe(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // no /proc: a live process is taken to be the serve
  return procArguments(pid)?.includes("serve") ?? true;
}
