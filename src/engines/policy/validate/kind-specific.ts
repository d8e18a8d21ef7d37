/**
 * Rules that hold for one policy kind only: a role trust policy grants
 * only the STS actions that take a role (`sts:AssumeRole*`, `TagSession`,
 * `SetSourceIdentity`, `SetContext`); an RCP may `Allow` only in the shape
 * of `RCPFullAWSAccess` and names every principal as `"*"` (AWS
 * Organizations, "RCP syntax").
 */
import type { Statement } from "../ast.js";
import { compileGlob } from "../wildcard.js";
import type { Finding } from "./finding.js";
import { isEveryone } from "./permissive.js";
import { finding, type RuleContext } from "./rule.js";

const TRUST_ACTIONS = [
  "AssumeRole",
  "AssumeRoleWithSAML",
  "AssumeRoleWithWebIdentity",
  "TagSession",
  "SetSourceIdentity",
  "SetContext",
];

/**
 * Checks the actions of a role trust policy.
 *
 * @example
 * checkTrustActions({ ...context, kind: "trust" }); // flags `s3:GetObject`
 */
export function checkTrustActions({ policy, kind }: RuleContext): Finding[] {
  if (kind !== "trust") return [];
  const out: Finding[] = [];
  for (const s of policy.statements) {
    for (const action of s.action ?? []) {
      if (grantsTrustAction(action.value)) continue;
      const message = `\`${action.value}\` cannot be granted by a role trust policy; use \`sts:AssumeRole\`, \`sts:AssumeRoleWithSAML\`, \`sts:AssumeRoleWithWebIdentity\`, \`sts:TagSession\` or \`sts:SetSourceIdentity\``;
      out.push(finding("ERROR", "unsupported-action-in-policy", message, action.position, s.index));
    }
  }
  return out;
}

function grantsTrustAction(action: string): boolean {
  if (action === "*") return true;
  const colon = action.indexOf(":");
  if (colon < 0) return true; // malformed: reported by the action rules
  const glob = compileGlob(action, true);
  return TRUST_ACTIONS.some((name) => glob.test(`sts:${name}`));
}

/**
 * Checks the RCP-only rules on `Allow` and `Principal`.
 *
 * @example
 * checkRcp({ ...context, kind: "rcp" }); // flags an `Allow` of `s3:GetObject`
 */
export function checkRcp({ policy, kind }: RuleContext): Finding[] {
  if (kind !== "rcp") return [];
  const out: Finding[] = [];
  for (const s of policy.statements) {
    if (s.effect?.value === "Allow" && !isFullAccess(s)) {
      const message =
        "an RCP can only `Allow` as `RCPFullAWSAccess` does: `Principal`, `Action` and `Resource` all `*` and no `Condition`; use `Deny`";
      out.push(finding("ERROR", "rcp-allow-not-full-access", message, s.effect.position, s.index));
    }
    if (s.principal && !isEveryone(s.principal)) {
      const message =
        'an RCP\'s `Principal` must be `"*"`; narrow it with conditions such as `aws:PrincipalOrgID`';
      out.push(
        finding("ERROR", "rcp-principal-not-wildcard", message, s.principal.position, s.index),
      );
    }
  }
  return out;
}

function isFullAccess(s: Statement): boolean {
  const onlyStar = (list: Statement["action"]) =>
    list !== undefined && list.length > 0 && list.every((v) => v.value === "*");
  return (
    s.principal !== undefined &&
    isEveryone(s.principal) &&
    onlyStar(s.action) &&
    onlyStar(s.resource) &&
    !s.condition?.length
  );
}
