/**
 * Reading `.accesslab.yaml` strictly and with positions: unknown fields,
 * wrong types, an unknown severity or format and an ignore entry without a
 * `reason` stop the reader with a message and the position of the
 * offending node. Patterns in `file` are relative to the directory of the
 * configuration file, as the caller passes it in `baseDir`.
 *
 * ```yaml
 * failOn: warning
 * format: sarif
 * ignore:
 *   - id: efs-file-system-no-policy
 *     resource: SharedData
 *     file: templates/*.yaml
 *     reason: the VPC has no other clients
 * ```
 */
import { readArray, readObject, readString, required, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { SourcePosition } from "../formats/position.js";
import { parseYamlTree } from "../formats/yaml-tree.js";
import type { CheckConfig } from "./config.js";
import { SEVERITIES } from "./finding.js";
import { normalizePath } from "./pattern.js";
import { isSeverity } from "./report/fail-level.js";
import { CHECK_FORMATS, isCheckFormat } from "./report/formats.js";
import type { IgnoreRule } from "./suppression.js";

/** Why a configuration file was not usable. */
export interface ConfigError {
  readonly message: string;
  readonly position?: SourcePosition;
}

/**
 * Reads a configuration file's text; `file` names it in ignore rules,
 * `baseDir` (relative to the working directory, `""` for it) prefixes
 * `file` patterns.
 *
 * @example
 * const { config, error } = readCheckConfig("failOn: warning\n", ".accesslab.yaml", "");
 * config?.failOn; // "warning"
 */
export function readCheckConfig(
  text: string,
  file: string,
  baseDir: string,
): { config?: CheckConfig; error?: ConfigError } {
  if (text.trim() === "") return { config: { ignore: [] } };
  const { root, error } = parseYamlTree(text);
  if (!root)
    return { error: { message: `yaml syntax: ${error?.message}`, ...at(error?.position) } };
  try {
    return { config: readConfig(root, file, baseDir) };
  } catch (e) {
    if (e instanceof ShapeError) return { error: { message: e.message, ...at(e.position) } };
    throw e;
  }
}

function readConfig(root: JsonNode, file: string, baseDir: string): CheckConfig {
  const m = readObject(root, "the configuration", ["ignore", "failOn", "format"]);
  const failOn = m.get("failOn");
  const format = m.get("format");
  const ignore = m.get("ignore");
  return {
    ignore: ignore
      ? readArray(ignore, "ignore").map((n, i) => readIgnore(n, `ignore[${i}]`, file, baseDir))
      : [],
    ...optional(
      "failOn",
      failOn ? readChoice(failOn, "failOn", SEVERITIES, isSeverity) : undefined,
    ),
    ...optional(
      "format",
      format ? readChoice(format, "format", CHECK_FORMATS, isCheckFormat) : undefined,
    ),
  };
}

function readChoice<T extends string>(
  node: JsonNode,
  where: string,
  choices: readonly T[],
  is: (v: string) => v is T,
): T {
  const value = readString(node, where);
  if (!is(value))
    throw new ShapeError(
      `unknown \`${where}\` \`${value}\`: expected one of ${choices.join(", ")}`,
      node.position,
    );
  return value;
}

function readIgnore(node: JsonNode, where: string, file: string, baseDir: string): IgnoreRule {
  const m = readObject(node, `\`${where}\``, ["id", "resource", "file", "reason"]);
  const ruleId = readString(required(m, "id", `\`${where}\``, node.position), `${where}.id`);
  const reasonNode = m.get("reason");
  const reason = reasonNode ? readString(reasonNode, `${where}.reason`).trim() : "";
  if (reason === "")
    throw new ShapeError(
      `\`${where}\` has no \`reason\`: every suppression must say why it does not apply`,
      reasonNode?.position ?? node.position,
    );
  const resource = m.get("resource");
  const pattern = m.get("file");
  return {
    ruleId,
    reason,
    source: "config",
    ...optional("logicalId", resource ? readString(resource, `${where}.resource`) : undefined),
    ...optional(
      "file",
      pattern ? joinBase(baseDir, readString(pattern, `${where}.file`)) : undefined,
    ),
    declaredIn: file,
    ...at(node.position),
  };
}

function joinBase(baseDir: string, pattern: string): string {
  const base = normalizePath(baseDir).replace(/\/+$/, "");
  const p = normalizePath(pattern);
  return base === "" || base === "." || p.startsWith("/") ? p : `${base}/${p}`;
}
