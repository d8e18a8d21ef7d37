/**
 * Formats a decision for a person: the verdict first, then why, then the
 * statements that decided with their positions, then (optionally) every
 * statement that did not apply and what stopped it. Only formatting: the
 * decision value already holds every fact shown.
 */

import { formatPosition } from "../../formats/position.js";
import type { Decision, StatementTrace } from "./decision.js";
import { POLICY_KIND_LABEL } from "./policy-kind.js";
import { describeRequestValues } from "./show-list.js";

/** Options for {@link explainDecision}. */
export interface ExplainOptions {
  /** Prefix for positions, e.g. a file name (`file:line:col`). */
  readonly source?: string;
  /** Also list the statements that did not apply. */
  readonly verbose?: boolean;
  /** Show statement positions (default true); off when the policy text is not the user's. */
  readonly positions?: boolean;
}

const VERDICT: Record<Decision["decision"], string> = {
  Allowed: "ALLOWED",
  ImplicitlyDenied: "DENIED (implicit)",
  ExplicitlyDenied: "DENIED (explicit)",
};

/**
 * Renders a decision as indented lines of text.
 *
 * @example
 * console.log(explainDecision(decision, { source: "scenario.json" }));
 */
export function explainDecision(decision: Decision, options: ExplainOptions = {}): string {
  const source = options.positions === false ? null : options.source;
  const lines = [VERDICT[decision.decision]];
  for (const reason of decision.reasons) lines.push(`  because ${reason}`);
  if (decision.deciding.length > 0) {
    lines.push("  deciding statements:");
    for (const s of decision.deciding) {
      lines.push(`    ${describeStatement(s, source)}`);
      for (const held of s.conditions ?? []) {
        lines.push(
          `      \`${held.operator}\` \`${held.key}\` holds: ${describeRequestValues(held.requestValues)}`,
        );
      }
    }
  }
  const errors = decision.trace.filter((s) => s.error !== undefined);
  for (const s of errors) lines.push(`  skipped ${describeStatement(s, source)}: ${s.error}`);
  if (options.verbose || decision.decision !== "Allowed") {
    const misses = decision.trace.filter((s) => !s.applies && s.mismatch);
    if (misses.length > 0) lines.push("  statements that did not apply:");
    for (const s of misses) {
      lines.push(`    ${describeStatement(s, source)}: ${s.mismatch?.message}`);
    }
  }
  return lines.join("\n");
}

/** One statement as `kind[index] statement N (Sid) Effect at file:line:col` (`source` null: no position). */
export function describeStatement(s: StatementTrace, source?: string | null): string {
  const level = s.policy.level === undefined ? "" : ` level ${s.policy.level}`;
  const name = s.policy.name ? ` \`${s.policy.name}\`` : "";
  const sid = s.sid ? ` (${s.sid})` : "";
  const where =
    s.position && source !== null
      ? ` at ${source ? `${source}:` : ""}${formatPosition(s.position)}`
      : "";
  return `${POLICY_KIND_LABEL[s.policy.kind]}${level}${name} statement ${s.statement}${sid} ${s.effect}${where}`;
}
