/**
 * Structural rules every policy kind shares: each statement needs a valid
 * `Effect` and an `Action` or `NotAction`; an element and its `Not` twin
 * never appear together; Sids are unique (and, in IAM-managed policies,
 * alphanumeric).
 */
import type { Statement } from "../ast.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

const PAIRS = [
  ["Action", "NotAction", (s: Statement) => s.action !== undefined && s.notAction !== undefined],
  [
    "Resource",
    "NotResource",
    (s: Statement) => s.resource !== undefined && s.notResource !== undefined,
  ],
  [
    "Principal",
    "NotPrincipal",
    (s: Statement) => s.principal !== undefined && s.notPrincipal !== undefined,
  ],
] as const;

/** Kinds whose Sids IAM limits to ASCII letters and digits. */
const ALPHANUMERIC_SID_KINDS = new Set(["identity", "boundary", "session"]);

/**
 * Checks `Effect`, `Action`/`NotAction` presence and element pairs.
 *
 * @example
 * checkStatementShape(context); // [{ code: "missing-effect", ... }] for a statement without Effect
 */
export function checkStatementShape({ policy }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    if (!s.effect) {
      out.push(
        finding(
          "ERROR",
          "missing-effect",
          `statement ${s.index} has no \`Effect\``,
          s.position,
          s.index,
        ),
      );
    } else if (s.effect.value !== "Allow" && s.effect.value !== "Deny") {
      const near = ["Allow", "Deny"].find((e) => e.toLowerCase() === s.effect?.value.toLowerCase());
      const hint = near ? `; did you mean \`${near}\`` : "";
      const message = `\`Effect\` must be \`Allow\` or \`Deny\`, found \`${s.effect.value}\`${hint}`;
      out.push(finding("ERROR", "invalid-effect", message, s.effect.position, s.index));
    }
    if (!s.action && !s.notAction) {
      const message = `statement ${s.index} has neither \`Action\` nor \`NotAction\``;
      out.push(finding("ERROR", "missing-action", message, s.position, s.index));
    }
    for (const [element, twin, both] of PAIRS) {
      if (!both(s)) continue;
      const message = `statement ${s.index} has both \`${element}\` and \`${twin}\`; use only one`;
      out.push(finding("ERROR", "unsupported-element-combination", message, s.position, s.index));
    }
  }
  return out;
}

/**
 * Checks Sids: duplicates are errors, empty ones a suggestion, and in
 * identity policies, boundaries and session policies only `[A-Za-z0-9]` is
 * allowed.
 *
 * @example
 * checkSids(context); // [{ code: "duplicate-sid", ... }] when two statements share `Sid: "A"`
 */
export function checkSids({ policy, kind }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const s of policy.statements) {
    if (!s.sid) continue;
    const sid = s.sid.value;
    if (sid === "") {
      out.push(
        finding(
          "SUGGESTION",
          "empty-sid",
          "`Sid` is empty; remove it or name the statement",
          s.sid.position,
          s.index,
        ),
      );
      continue;
    }
    const first = seen.get(sid);
    if (first !== undefined) {
      const message = `duplicate \`Sid\` \`${sid}\`: statement ${first} already uses it`;
      out.push(finding("ERROR", "duplicate-sid", message, s.sid.position, s.index));
    } else {
      seen.set(sid, s.index);
    }
    if (ALPHANUMERIC_SID_KINDS.has(kind) && !/^[A-Za-z0-9]+$/.test(sid)) {
      const message = `\`Sid\` \`${sid}\` may only hold ASCII letters and digits in this policy kind`;
      out.push(finding("ERROR", "unsupported-sid", message, s.sid.position, s.index));
    }
  }
  return out;
}
