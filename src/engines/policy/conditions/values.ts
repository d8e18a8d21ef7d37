/**
 * Value tests per operator family: each compiles one policy value into a
 * predicate over one request value. Negated operators are evaluated as the
 * negation of their positive twin, so only positive tests live here.
 */
import { compileArnPieces } from "../arn.js";
import type { RequestContext } from "../context.js";
import { piecesToText, resolveTemplate, type Template } from "../variables.js";
import { compileTokens } from "../wildcard.js";
import { cidrContains, parseCidr } from "./ip.js";

/** A compiled test of one policy value against one request value. */
export type ValueTest = (requestValue: string, context: RequestContext) => boolean;

/** The positive operator each negated operator negates. */
export const POSITIVE_TWIN: Readonly<Record<string, string>> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike",
};

const NUMERIC: Record<string, (a: number, b: number) => boolean> = {
  Equals: (a, b) => a === b,
  LessThan: (a, b) => a < b,
  LessThanEquals: (a, b) => a <= b,
  GreaterThan: (a, b) => a > b,
  GreaterThanEquals: (a, b) => a >= b,
};

/**
 * Compiles a policy value for a positive base operator; returns an error
 * message when the value can never be valid for the operator.
 */
export function compileValueTest(base: string, template: Template): ValueTest | { error: string } {
  const resolve = (context: RequestContext) => resolveTemplate(template, (k) => context.single(k));
  const stat = template.dynamic ? undefined : resolveTemplate(template, () => undefined);
  switch (base) {
    case "StringEquals": {
      if (stat) {
        const text = piecesToText(stat);
        return (v) => v === text;
      }
      return (v, c) => {
        const pieces = resolve(c);
        return pieces !== undefined && v === piecesToText(pieces);
      };
    }
    case "StringEqualsIgnoreCase": {
      if (stat) {
        const text = piecesToText(stat).toLowerCase();
        return (v) => v.toLowerCase() === text;
      }
      return (v, c) => {
        const pieces = resolve(c);
        return pieces !== undefined && v.toLowerCase() === piecesToText(pieces).toLowerCase();
      };
    }
    case "StringLike": {
      if (stat) {
        const glob = compileTokens(stat, false);
        return (v) => glob.test(v);
      }
      return (v, c) => {
        const pieces = resolve(c);
        return pieces !== undefined && compileTokens(pieces, false).test(v);
      };
    }
    case "ArnEquals":
    case "ArnLike": {
      if (stat) {
        const pattern = compileArnPieces(stat);
        return (v) => pattern.matches(v);
      }
      return (v, c) => {
        const pieces = resolve(c);
        return pieces !== undefined && compileArnPieces(pieces).matches(v);
      };
    }
    case "Bool": {
      const expected = template.raw.toLowerCase();
      if (expected !== "true" && expected !== "false")
        return { error: `\`Bool\` value must be \`true\` or \`false\`, found \`${template.raw}\`` };
      return (v) => v.toLowerCase() === expected;
    }
    case "BinaryEquals": {
      const expected = normalizeBase64(template.raw);
      return (v) => normalizeBase64(v) === expected;
    }
    case "IpAddress": {
      const cidr = parseCidr(template.raw);
      if (!cidr) return { error: `\`${template.raw}\` is not an IP address or CIDR block` };
      return (v) => cidrContains(cidr, v);
    }
    default:
      return compileOrdered(base, template.raw);
  }
}

function compileOrdered(base: string, raw: string): ValueTest | { error: string } {
  const family = base.startsWith("Numeric")
    ? "Numeric"
    : base.startsWith("Date")
      ? "Date"
      : undefined;
  const compare = family ? NUMERIC[base.slice(family.length)] : undefined;
  if (!family || !compare) return { error: `unknown condition operator \`${base}\`` };
  const parse = family === "Numeric" ? parseNumber : parseDate;
  const expected = parse(raw);
  if (expected === undefined)
    return { error: `\`${raw}\` is not a valid ${family.toLowerCase()} value for \`${base}\`` };
  return (v) => {
    const actual = parse(v);
    return actual !== undefined && compare(actual, expected);
  };
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** Parses an ISO 8601 date-time or epoch seconds to milliseconds. */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

function normalizeBase64(text: string): string {
  return text.trim().replace(/=+$/, "");
}
