/**
 * The argument vector of a container's main process, as Docker builds it
 * from the exec forms ECS passes: `entryPoint` followed by `command`, or
 * `command` alone. Nothing goes through a shell unless the vector itself
 * names one (`["sh", "-c", "…"]`), exactly as in a container.
 */
import { CANNOT_START } from "./assumptions.js";

/**
 * `entryPoint ++ command`, or why the container cannot start.
 *
 * @example
 * commandLine(undefined, ["node", "app.mjs"]); // { ok: true, argv: ["node", "app.mjs"] }
 */
export function commandLine(
  entryPoint: readonly string[] | undefined,
  command: readonly string[] | undefined,
): { ok: true; argv: string[] } | { ok: false; reason: string } {
  const argv = [...(entryPoint ?? []), ...(command ?? [])];
  if (argv.length === 0 || argv[0] === "")
    return { ok: false, reason: `${CANNOT_START}: no command specified` };
  return { ok: true, argv };
}
