/**
 * Expands one SAM policy template entry (`{EFSWriteAccessPolicy: {FileSystem:
 * …, AccessPoint: …}}`) into the policy document the transform puts on the
 * generated role: the template's statements with every `{Ref: <Parameter>}`
 * replaced by the value the template author gave (kept with its own source
 * position, intrinsics untouched); the generated parts sit at the entry's
 * position. As SAM does, the document has a `Statement` and no `Version`.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import { member, object, stamp, text } from "./nodes.js";
import type { PolicyTemplate } from "./policy-templates.js";

/**
 * The expanded document, or SAM's message for missing parameter values.
 *
 * @example
 * expandPolicyTemplate("VPCAccessPolicy", POLICY_TEMPLATES.get("VPCAccessPolicy")!, values, pos);
 */
export function expandPolicyTemplate(
  name: string,
  template: PolicyTemplate,
  values: JsonNode,
  position: SourcePosition | undefined,
): { document: JsonNode } | { error: string } {
  if (values.kind !== "object")
    return {
      error: `parameters of policy template \`${name}\` must be a map, found ${values.kind}`,
    };
  const missing = template.parameters.filter((p) => !member(values, p));
  if (missing.length > 0)
    return {
      error: `Following required parameters of template '${name}' don't have values: [${missing.map((m) => `'${m}'`).join(", ")}]`,
    };
  const build = (value: unknown): JsonNode => {
    if (Array.isArray(value)) return stamp({ kind: "array", items: value.map(build) }, position);
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      const only = entries.length === 1 ? entries[0] : undefined;
      if (only && only[0] === "Ref" && typeof only[1] === "string") {
        const given = member(values, only[1]);
        if (given) return given;
      }
      return object(
        entries.map(([k, v]) => [k, build(v)] as const),
        position,
      );
    }
    if (typeof value === "string") return text(value, position);
    return stamp({ kind: "null" }, position);
  };
  return {
    document: object([["Statement", build(template.statements)]], position),
  };
}
