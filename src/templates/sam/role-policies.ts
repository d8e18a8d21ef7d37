/**
 * A SAM function's `Policies` property, sorted the way the transform sorts
 * it (samtranslator role_constructor and resource_policies): a string or an
 * intrinsic is a managed policy (names become ARNs); a map with `Statement`
 * is an inline policy document; a one-key map naming a policy template is
 * expanded; a `Fn::If` keeps its branches. Inline documents are named
 * `<Function>RolePolicy<index>`, index counting every entry. An entry
 * accesslab cannot read is reported and left out, so the rest of the
 * template can still be checked.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { TemplateDiagnostic } from "../model.js";
import { expandPolicyTemplate } from "./expand-policy-template.js";
import { managedPolicyArn } from "./managed-policy-arn.js";
import { isIntrinsic, member, object, text } from "./nodes.js";
import { POLICY_TEMPLATES } from "./policy-templates.js";

/** The role's share of a function's `Policies`. */
export interface RolePolicies {
  readonly managedPolicyArns: JsonNode[];
  readonly inlinePolicies: JsonNode[];
  readonly diagnostics: TemplateDiagnostic[];
}

/**
 * Sorts `Policies` for the role `<logicalId>Role`.
 *
 * @example
 * const { managedPolicyArns, inlinePolicies } = rolePolicies(policiesNode, "Fn", "template.yaml");
 */
export function rolePolicies(
  policies: JsonNode | undefined,
  logicalId: string,
  file: string,
): RolePolicies {
  const out: RolePolicies = { managedPolicyArns: [], inlinePolicies: [], diagnostics: [] };
  if (!policies) return out;
  const entries = policies.kind === "array" ? policies.items : [policies];
  const roleId = `${logicalId}Role`;
  entries.forEach((entry, index) => {
    const where = entry.position;
    const inline = (document: JsonNode) =>
      object(
        [
          ["PolicyName", text(`${roleId}Policy${index}`, where)],
          ["PolicyDocument", document],
        ],
        where,
      );
    const report = (severity: "error" | "warning", code: string, message: string) =>
      out.diagnostics.push({ severity, code, message, file, logicalId, ...at(where) });
    if (entry.kind === "string") {
      out.managedPolicyArns.push(text(managedPolicyArn(entry.value), where));
      return;
    }
    if (entry.kind === "object" && isIntrinsic(entry)) {
      const ifArgs = member(entry, "Fn::If");
      if (ifArgs?.kind === "array" && ifArgs.items.slice(1).some((b) => member(b, "Statement"))) {
        const branches = ifArgs.items.map((b, i) => (i === 0 || isNoValue(b) ? b : inline(b)));
        out.inlinePolicies.push(object([["Fn::If", { ...ifArgs, items: branches }]], where));
      } else out.managedPolicyArns.push(entry);
      return;
    }
    if (entry.kind === "object" && member(entry, "Statement")) {
      out.inlinePolicies.push(inline(entry));
      return;
    }
    const only =
      entry.kind === "object" && entry.entries.length === 1 ? entry.entries[0] : undefined;
    const template = only ? POLICY_TEMPLATES.get(only.key) : undefined;
    if (only && template) {
      const expanded = expandPolicyTemplate(only.key, template, only.value, where);
      if ("document" in expanded) out.inlinePolicies.push(inline(expanded.document));
      else report("error", "sam-invalid-policy", expanded.error);
      return;
    }
    if (only && only.value.kind === "object" && /Policy$/.test(only.key)) {
      report(
        "warning",
        "sam-policy-template-not-modelled",
        `policy template \`${only.key}\` is not modelled by accesslab; the role is checked without it`,
      );
      return;
    }
    report(
      "error",
      "sam-invalid-policy",
      `Policy at index ${index} in the 'Policies' property is not valid`,
    );
  });
  return out;
}

function isNoValue(node: JsonNode): boolean {
  const ref = member(node, "Ref");
  return ref?.kind === "string" && ref.value === "AWS::NoValue";
}
