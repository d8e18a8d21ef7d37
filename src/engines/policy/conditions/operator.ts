/**
 * Condition operator names decoded: `ForAnyValue:StringLikeIfExists` is the
 * base operator `StringLike`, the set qualifier `ForAnyValue` and the
 * `IfExists` suffix. The base operator decides the value type and whether
 * the operator is negated.
 */

/** The value family an operator compares. */
export type OperatorFamily =
  | "String"
  | "Numeric"
  | "Date"
  | "Bool"
  | "Binary"
  | "IpAddress"
  | "Arn"
  | "Null";

/** What each base operator is. */
export interface BaseOperator {
  readonly family: OperatorFamily;
  /** True for the "Not" operators, which hold when no value matches. */
  readonly negated: boolean;
}

/** Every base operator AWS documents. */
export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: { family: "String", negated: false },
  StringNotEquals: { family: "String", negated: true },
  StringEqualsIgnoreCase: { family: "String", negated: false },
  StringNotEqualsIgnoreCase: { family: "String", negated: true },
  StringLike: { family: "String", negated: false },
  StringNotLike: { family: "String", negated: true },
  NumericEquals: { family: "Numeric", negated: false },
  NumericNotEquals: { family: "Numeric", negated: true },
  NumericLessThan: { family: "Numeric", negated: false },
  NumericLessThanEquals: { family: "Numeric", negated: false },
  NumericGreaterThan: { family: "Numeric", negated: false },
  NumericGreaterThanEquals: { family: "Numeric", negated: false },
  DateEquals: { family: "Date", negated: false },
  DateNotEquals: { family: "Date", negated: true },
  DateLessThan: { family: "Date", negated: false },
  DateLessThanEquals: { family: "Date", negated: false },
  DateGreaterThan: { family: "Date", negated: false },
  DateGreaterThanEquals: { family: "Date", negated: false },
  Bool: { family: "Bool", negated: false },
  BinaryEquals: { family: "Binary", negated: false },
  IpAddress: { family: "IpAddress", negated: false },
  NotIpAddress: { family: "IpAddress", negated: true },
  ArnEquals: { family: "Arn", negated: false },
  ArnLike: { family: "Arn", negated: false },
  ArnNotEquals: { family: "Arn", negated: true },
  ArnNotLike: { family: "Arn", negated: true },
  Null: { family: "Null", negated: false },
};

/** A decoded operator name. */
export interface OperatorName {
  readonly base: string;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set?: "ForAllValues" | "ForAnyValue";
}

/**
 * Decodes an operator name (case-sensitive, as IAM requires); undefined
 * when it is not a valid operator (including `NullIfExists`).
 *
 * @example
 * parseOperatorName("ForAnyValue:StringLikeIfExists");
 * // { base: "StringLike", family: "String", negated: false, ifExists: true, set: "ForAnyValue" }
 */
export function parseOperatorName(name: string): OperatorName | undefined {
  let rest = name;
  let set: OperatorName["set"];
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon);
    if (qualifier !== "ForAllValues" && qualifier !== "ForAnyValue") return undefined;
    set = qualifier;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith("IfExists")) {
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  const base = BASE_OPERATORS[rest];
  if (!base || (base.family === "Null" && (ifExists || set))) return undefined;
  return {
    base: rest,
    family: base.family,
    negated: base.negated,
    ifExists,
    ...(set ? { set } : {}),
  };
}
