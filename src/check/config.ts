/**
 * The `accesslab check` configuration: what `.accesslab.yaml` may say
 * (ignore entries, the fail level, the report format) and the defaults
 * that apply when neither it nor the command line says otherwise.
 * Command-line options win over the file.
 */
import type { Severity } from "./finding.js";
import type { CheckFormat } from "./report/formats.js";
import type { IgnoreRule } from "./suppression.js";

/** The configuration file's name, looked for in the working directory. */
export const CONFIG_FILE_NAME = ".accesslab.yaml";

/** A configuration file's content. */
export interface CheckConfig {
  readonly ignore: readonly IgnoreRule[];
  readonly failOn?: Severity;
  readonly format?: CheckFormat;
}

/** The fail level when neither the command line nor the file gives one. */
export const DEFAULT_FAIL_ON: Severity = "error";

/** The format when neither the command line nor the file gives one. */
export const DEFAULT_FORMAT: CheckFormat = "text";

/** The configuration used when there is no file. */
export const EMPTY_CONFIG: CheckConfig = { ignore: [] };
