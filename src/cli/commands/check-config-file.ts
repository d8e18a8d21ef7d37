/**
 * Finding and loading the `accesslab check` configuration: the file
 * `--config` names (it must exist), else `.accesslab.yaml` in the working
 * directory when there is one, else none. A malformed file stops the
 * command with `file:line:col: message` and exit 2.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { type CheckConfig, CONFIG_FILE_NAME, EMPTY_CONFIG } from "../../check/config.js";
import { readCheckConfig } from "../../check/config-read.js";
import { formatPosition } from "../../formats/position.js";
import { CliError } from "../cli-error.js";
import { readText } from "../read-inputs.js";
import { displayPath } from "./check-paths.js";

/**
 * Loads the configuration.
 *
 * @example
 * loadCheckConfig(undefined, process.cwd()); // EMPTY_CONFIG when there is no .accesslab.yaml
 */
export function loadCheckConfig(explicit: string | undefined, cwd: string): CheckConfig {
  const path = explicit ?? join(cwd, CONFIG_FILE_NAME);
  if (explicit === undefined && !existsSync(path)) return EMPTY_CONFIG;
  const file = displayPath(path, cwd);
  const baseDir = relative(cwd, dirname(resolve(cwd, path)));
  const { config, error } = readCheckConfig(readText(path), file, baseDir);
  if (config) return config;
  const where = error?.position ? `${file}:${formatPosition(error.position)}` : file;
  throw new CliError(`${where}: ${error?.message ?? "unreadable configuration"}`);
}
