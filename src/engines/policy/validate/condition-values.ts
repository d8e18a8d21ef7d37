/**
 * Condition values must fit their operator: `Bool` and `Null` take `true`
 * or `false`, `Numeric*` numbers, `Date*` ISO 8601 dates or epoch seconds,
 * `IpAddress` addresses or CIDR blocks. Values holding a policy variable
 * are judged only once substituted, so they are skipped here.
 */

import { parseCidr } from "../conditions/ip.js";
import type { OperatorFamily } from "../conditions/operator.js";
import { parseOperatorName } from "../conditions/operator.js";
import { parseDate } from "../conditions/values.js";
import type { ActionCatalogue } from "./catalogue.js";
import type { Finding } from "./finding.js";
import { keyInfo } from "./key-info.js";
import { acceptedFamilies } from "./key-types.js";
import { finding, type RuleContext } from "./rule.js";

interface ValueRule {
  readonly code: string;
  readonly expected: string;
  readonly ok: (value: string) => boolean;
}

const BOOL: ValueRule = {
  code: "type-mismatch-bool",
  expected: "`true` or `false`",
  ok: (v) => /^(true|false)$/i.test(v),
};

const RULES: Partial<Record<OperatorFamily, ValueRule>> = {
  Bool: BOOL,
  Null: BOOL,
  Numeric: {
    code: "type-mismatch-number",
    expected: "a number",
    ok: (v) => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(v.trim()),
  },
  Date: {
    code: "type-mismatch-date",
    expected: "an ISO 8601 date or epoch seconds",
    ok: (v) => parseDate(v) !== undefined,
  },
  IpAddress: {
    code: "type-mismatch-ip-range",
    expected: "an IP address or CIDR block",
    ok: (v) => parseCidr(v) !== undefined,
  },
};

/**
 * Reports condition values their operator cannot compare.
 *
 * @example
 * checkConditionValues(context); // [{ code: "type-mismatch-bool", ... }] for `"Bool": {"aws:SecureTransport": "yes"}`
 */
export function checkConditionValues({ policy, catalogue }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    for (const entry of s.condition ?? []) {
      const operator = parseOperatorName(entry.operator.value);
      const rule = operator && RULES[operator.family];
      if (
        !rule ||
        (operator.family !== "Null" && !fits(operator.family, entry.key.value, catalogue))
      )
        continue;
      for (const value of entry.values) {
        if (value.value.includes("${") || rule.ok(value.value)) continue;
        const message = `\`${entry.operator.value}\` expects ${rule.expected} for \`${entry.key.value}\`, found \`${value.value}\``;
        out.push(finding("WARNING", rule.code, message, value.position, s.index));
      }
    }
  }
  return out;
}

/** False when the operator does not fit the key at all: `type-mismatch` already says so. */
function fits(
  family: OperatorFamily,
  key: string,
  catalogue: ActionCatalogue | undefined,
): boolean {
  const info = keyInfo(key, catalogue);
  const families = info && acceptedFamilies(info.types);
  return !families || families.includes(family);
}
