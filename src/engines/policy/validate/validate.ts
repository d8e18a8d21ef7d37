/**
 * The validator, shaped like IAM Access Analyzer's ValidatePolicy: parse
 * problems become `ERROR` findings under their parse code, then every rule
 * runs over the tree and the findings come back in source order. It never
 * throws: every rule is total over any tree `parse` can produce.
 */
import type { ParseResult } from "../ast.js";
import { parsePolicy } from "../parse.js";
import type { PolicyKind } from "../policy-kind.js";
import { checkActions } from "./actions.js";
import type { ActionCatalogue } from "./catalogue.js";
import { checkConditionApplicability } from "./condition-applicability.js";
import { checkConditionValues } from "./condition-values.js";
import { checkConditions } from "./conditions.js";
import { checkElementsByKind } from "./elements-by-kind.js";
import type { Finding } from "./finding.js";
import { checkRcp, checkTrustActions } from "./kind-specific.js";
import { checkPermissive } from "./permissive.js";
import { checkPolicySize } from "./policy-size.js";
import { checkPrincipals } from "./principals.js";
import { checkRedundantStatements, checkRedundantValues } from "./redundancy.js";
import { checkResources } from "./resources.js";
import { finding, type Rule, type RuleContext } from "./rule.js";
import { checkSids, checkStatementShape } from "./structure.js";
import { checkVersion } from "./version.js";

/** What to validate against. Without a catalogue, catalogue-based rules are skipped. */
export interface ValidateOptions {
  readonly kind: PolicyKind;
  readonly catalogue?: ActionCatalogue;
}

/** Every rule, in the order their findings are listed for one position. */
export const RULES: readonly Rule[] = [
  checkVersion,
  checkStatementShape,
  checkSids,
  checkElementsByKind,
  checkTrustActions,
  checkRcp,
  checkPermissive,
  checkPrincipals,
  checkActions,
  checkResources,
  checkConditions,
  checkConditionValues,
  checkConditionApplicability,
  checkRedundantValues,
  checkRedundantStatements,
  checkPolicySize,
];

/**
 * Validates policy JSON text.
 *
 * @example
 * validatePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject"}}', { kind: "identity" });
 * // [{ type: "ERROR", code: "missing-resource", message: "statement 0 has neither ...", position: { line: 1, column: 39 }, statement: 0 }]
 */
export function validatePolicy(text: string, options: ValidateOptions): Finding[] {
  return validateParsed(parsePolicy(text), { ...options, text });
}

/**
 * Validates an already parsed policy; pass `text` to enable the size checks.
 *
 * @example
 * validateParsed(parsePolicy(text), { kind: "resource", catalogue });
 */
export function validateParsed(
  result: ParseResult,
  options: ValidateOptions & { readonly text?: string },
): Finding[] {
  const findings = result.issues.map((issue) =>
    finding("ERROR", issue.code, issue.message, issue.position),
  );
  if (result.policy) {
    const context: RuleContext = {
      policy: result.policy,
      kind: options.kind,
      ...(options.catalogue ? { catalogue: options.catalogue } : {}),
      ...(options.text === undefined ? {} : { text: options.text }),
    };
    for (const rule of RULES) findings.push(...rule(context));
  }
  return sortBySource(findings);
}

function sortBySource(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const pa = a.f.position;
      const pb = b.f.position;
      if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0) || a.i - b.i;
      return pa.line - pb.line || pa.column - pb.column || a.i - b.i;
    })
    .map(({ f }) => f);
}
