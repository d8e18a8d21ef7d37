/**
 * Statements that grant more than their author probably meant: `Allow`
 * with `NotAction` or `NotResource` (everything except a list), and
 * resource or trust policies that allow any principal with no condition to
 * narrow it down. `Allow` with `NotPrincipal` is not merely risky but
 * unsupported: the IAM User Guide ("AWS JSON policy elements: NotPrincipal")
 * says it must be used with `Deny`.
 */
import type { PrincipalBlock, Statement } from "../ast.js";
import { KIND_SHAPES } from "./elements-by-kind.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

const NEGATED = [
  ["NotAction", "allow-with-not-action", (s: Statement) => s.notAction?.[0]?.position],
  ["NotResource", "allow-with-not-resource", (s: Statement) => s.notResource?.[0]?.position],
] as const;

const PUBLIC_KINDS = new Set(["resource", "trust"]);

/**
 * Reports permissive `Allow` statements.
 *
 * @example
 * checkPermissive(context); // [{ type: "SECURITY_WARNING", code: "allow-with-not-action", ... }]
 */
export function checkPermissive({ policy, kind }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    if (s.effect?.value !== "Allow") continue;
    if (s.notPrincipal && KIND_SHAPES[kind].notPrincipal) {
      const message =
        "`NotPrincipal` is only supported with `Deny`; use `Principal`, or `Deny` with `NotPrincipal`";
      out.push(
        finding("ERROR", "allow-with-not-principal", message, s.notPrincipal.position, s.index),
      );
    }
    for (const [element, code, where] of NEGATED) {
      const present = element === "NotAction" ? s.notAction : s.notResource;
      if (!present || kind === "rcp") continue;
      const message = `\`Allow\` with \`${element}\` grants everything not listed, including what may be added later; list what to allow instead`;
      out.push(finding("SECURITY_WARNING", code, message, where(s) ?? s.position, s.index));
    }
    if (PUBLIC_KINDS.has(kind) && s.principal && isEveryone(s.principal) && !s.condition?.length) {
      const message =
        "`Allow` to every principal (`*`) with no `Condition` makes this access public; name the principals or add a condition such as `aws:PrincipalOrgID`";
      out.push(
        finding(
          "SECURITY_WARNING",
          "public-principal-without-condition",
          message,
          s.principal.position,
          s.index,
        ),
      );
    }
  }
  return out;
}

/**
 * True for `"*"` and `{"AWS": "*"}` (in any of its values).
 *
 * @example
 * isEveryone({ wildcard: true, entries: [] }); // true
 */
export function isEveryone(block: PrincipalBlock): boolean {
  if (block.wildcard) return true;
  return block.entries.some((e) => e.type.value === "AWS" && e.values.some((v) => v.value === "*"));
}
