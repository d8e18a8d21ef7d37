/**
 * The `--parameter KEY=VALUE` option of `deploy` and `check`: repeated
 * values become one map of template parameters (the first `=` splits, so
 * values may hold `=`); anything else is a usage error.
 */
import { CliError } from "../cli-error.js";

/**
 * `--parameter K=V` values as a map.
 *
 * @example
 * parseParameters(["Env=prod"]); // { Env: "prod" }
 */
export function parseParameters(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new CliError(`parameter \`${pair}\` is not KEY=VALUE`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/**
 * Commander's collector for a repeatable option.
 *
 * @example
 * program.option("--parameter <key=value>", "…", collectValues, []);
 */
export function collectValues(value: string, previous: string[]): string[] {
  return [...previous, value];
}
