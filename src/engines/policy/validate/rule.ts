/**
 * What every validation rule receives and returns: the parsed policy, its
 * kind, the optional action catalogue and the source text, in; findings,
 * out. A rule is a plain function, total over any tree `parse` can produce.
 */

import { at } from "../../../formats/optional.js";
import type { SourcePosition } from "../../../formats/position.js";
import type { PolicyDocument } from "../ast.js";
import type { PolicyKind } from "../policy-kind.js";
import type { ActionCatalogue } from "./catalogue.js";
import type { Finding, FindingType } from "./finding.js";

/** The input of a rule. */
export interface RuleContext {
  readonly policy: PolicyDocument;
  readonly kind: PolicyKind;
  readonly catalogue?: ActionCatalogue;
  /** The policy's source text, when it was parsed from text (size checks need it). */
  readonly text?: string;
}

/** A validation rule. */
export type Rule = (context: RuleContext) => Finding[];

/**
 * Builds a finding, leaving out an unknown position or statement.
 *
 * @example
 * finding("ERROR", "missing-effect", "statement has no `Effect`", { line: 3, column: 5 }, 0);
 */
export function finding(
  type: FindingType,
  code: string,
  message: string,
  position?: SourcePosition,
  statement?: number,
): Finding {
  return {
    type,
    code,
    message,
    ...at(position),
    ...(statement === undefined ? {} : { statement }),
  };
}
