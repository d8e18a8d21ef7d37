/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`
 * and the escapes `${*}`, `${?}`, `${$}`, substituted from the request
 * context. Only policies of Version 2012-10-17 have variables; elsewhere the
 * text is literal. A variable with no value and no default leaves the whole
 * value unresolved, so it matches nothing.
 */
import type { PatternPiece } from "./wildcard.js";

/** A value split into text and variable references. */
export type TemplatePart =
  | { readonly kind: "text"; readonly text: string; readonly literal: boolean }
  | { readonly kind: "variable"; readonly key: string; readonly fallback?: string };

/** A value of a policy ready for substitution. */
export interface Template {
  readonly raw: string;
  readonly parts: readonly TemplatePart[];
  /** True when the value holds at least one variable reference. */
  readonly dynamic: boolean;
}

const VARIABLE = /\$\{([^}]*)\}/g;
const ESCAPES: Record<string, string> = { "*": "*", "?": "?", $: "$" };
const WITH_DEFAULT = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/;

/**
 * Splits `raw` into parts; with `variablesEnabled` false the value is one
 * text part.
 *
 * @example
 * parseTemplate("home/${aws:username}/*", true).parts.length; // 3
 */
export function parseTemplate(raw: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || !raw.includes("${")) {
    return { raw, parts: [{ kind: "text", text: raw, literal: false }], dynamic: false };
  }
  const parts: TemplatePart[] = [];
  let last = 0;
  let dynamic = false;
  for (const match of raw.matchAll(VARIABLE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: "text", text: raw.slice(last, start), literal: false });
    const body = match[1] ?? "";
    const escaped = ESCAPES[body];
    if (escaped !== undefined) {
      parts.push({ kind: "text", text: escaped, literal: true });
    } else {
      const withDefault = WITH_DEFAULT.exec(body);
      const key = (withDefault?.[1] ?? body).trim();
      parts.push(
        withDefault?.[2] !== undefined
          ? { kind: "variable", key, fallback: withDefault[2] }
          : { kind: "variable", key },
      );
      dynamic = true;
    }
    last = start + match[0].length;
  }
  if (last < raw.length) parts.push({ kind: "text", text: raw.slice(last), literal: false });
  return { raw, parts, dynamic };
}

/** Looks a single-valued context key up (case-insensitive name); undefined when absent or multivalued. */
export type VariableLookup = (key: string) => string | undefined;

/**
 * Substitutes variables; returns undefined when one has no value and no
 * default. Variable values are literal (their `*` is not a wildcard).
 */
export function resolveTemplate(
  template: Template,
  lookup: VariableLookup,
): PatternPiece[] | undefined {
  const pieces: PatternPiece[] = [];
  for (const part of template.parts) {
    if (part.kind === "text") {
      pieces.push({ literal: part.literal, text: part.text });
      continue;
    }
    const value = lookup(part.key) ?? part.fallback;
    if (value === undefined) return undefined;
    pieces.push({ literal: true, text: value });
  }
  return pieces;
}

/** Joins resolved pieces into plain text (for equality comparisons). */
export function piecesToText(pieces: readonly PatternPiece[]): string {
  let out = "";
  for (const piece of pieces) out += piece.text;
  return out;
}

/**
 * The variable keys of a template that have no default: when one of them is
 * absent from the request, the statement holding it does not apply (IAM
 * User Guide, policy variables: a variable without a value "might cause the
 * entire statement to be invalid").
 */
export function keysWithoutDefault(template: Template): string[] {
  const keys: string[] = [];
  for (const part of template.parts)
    if (part.kind === "variable" && part.fallback === undefined) keys.push(part.key);
  return keys;
}
