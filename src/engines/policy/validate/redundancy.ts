/**
 * Redundancy, reported as suggestions: an action or resource already
 * covered by another in the same statement (`s3:GetObject` next to `s3:*`),
 * and a whole statement covered by an unconditional statement of the same
 * effect, principals, actions and resources.
 */
import type { Located, PrincipalBlock, Statement } from "../ast.js";
import { covers } from "./coverage.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

/**
 * Reports redundant actions and resources within statements.
 *
 * @example
 * checkRedundantValues(context); // [{ code: "redundant-action", ... }] for ["s3:*", "s3:GetObject"]
 */
export function checkRedundantValues({ policy }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    const lists = [
      ["action", s.action ?? s.notAction ?? [], true],
      ["resource", s.resource ?? s.notResource ?? [], false],
    ] as const;
    for (const [what, values, ignoreCase] of lists) {
      const covering = coveringValues(values, ignoreCase);
      values.forEach((value, i) => {
        const by = covering[i];
        if (!by) return;
        const message = `${what} \`${value.value}\` is already covered by \`${by.value}\`; remove it`;
        out.push(finding("SUGGESTION", `redundant-${what}`, message, value.position, s.index));
      });
    }
  }
  return out;
}

/**
 * For each value, another value of the list that covers it; of two equal
 * values the later is the redundant one. Only wildcard patterns can cover a
 * value they do not equal, so only those are tried against every value.
 */
function coveringValues(values: readonly Located[], ignoreCase: boolean): (Located | undefined)[] {
  const norm = (v: Located) => (ignoreCase ? v.value.toLowerCase() : v.value);
  const first = new Map<string, Located>();
  const patterns = values.filter((v) => /[*?]/.test(v.value));
  return values.map((value) => {
    const key = norm(value);
    const earlier = first.get(key);
    if (earlier) return earlier;
    first.set(key, value);
    return patterns.find((p) => norm(p) !== key && covers(p.value, value.value, ignoreCase));
  });
}

/**
 * Reports statements fully covered by another one.
 *
 * @example
 * checkRedundantStatements(context); // [{ code: "redundant-statement", ... }]
 */
export function checkRedundantStatements({ policy }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const statements = policy.statements;
  for (const s of statements) {
    const by = statements.find(
      (t) => t !== s && coversStatement(t, s) && (!coversStatement(s, t) || t.index < s.index),
    );
    if (!by) continue;
    const message = `statement ${s.index} is already covered by statement ${by.index}, which has the same effect and no condition; remove it`;
    out.push(finding("SUGGESTION", "redundant-statement", message, s.position, s.index));
  }
  return out;
}

function coversStatement(t: Statement, s: Statement): boolean {
  if (!t.effect || t.effect.value !== s.effect?.value || t.condition?.length) return false;
  if (
    t.notAction ||
    s.notAction ||
    t.notResource ||
    s.notResource ||
    t.notPrincipal ||
    s.notPrincipal
  )
    return false;
  return (
    listCovers(t.action, s.action, true) &&
    listCovers(t.resource, s.resource, false) &&
    principalCovers(t.principal, s.principal)
  );
}

function listCovers(
  wide: readonly Located[] | undefined,
  narrow: readonly Located[] | undefined,
  ignoreCase: boolean,
): boolean {
  if (!wide || !narrow) return wide === narrow;
  return narrow.every((n) => wide.some((w) => covers(w.value, n.value, ignoreCase)));
}

function principalCovers(
  wide: PrincipalBlock | undefined,
  narrow: PrincipalBlock | undefined,
): boolean {
  if (!wide || !narrow) return wide === narrow;
  if (wide.wildcard) return true;
  if (narrow.wildcard) return false;
  const set = new Set(
    wide.entries.flatMap((e) => e.values.map((v) => `${e.type.value}\u0000${v.value}`)),
  );
  if (set.has("AWS\u0000*")) return true;
  return narrow.entries.every((e) =>
    e.values.every((v) => set.has(`${e.type.value}\u0000${v.value}`)),
  );
}
