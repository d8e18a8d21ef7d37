/**
 * The policy syntax tree: what `parse` produces and every later stage
 * (validate, compile, explain) reads. Values keep their source positions.
 */
import type { SourcePosition } from "../../formats/position.js";

/** A string value of a policy together with where it was written. */
export interface Located<T = string> {
  readonly value: T;
  readonly position?: SourcePosition;
}

/** The policy grammar versions AWS accepts. */
export type PolicyVersion = "2012-10-17" | "2008-10-17";

/** `Allow` or `Deny`. */
export type Effect = "Allow" | "Deny";

/**
 * A Principal or NotPrincipal element. `wildcard` is set for the bare `"*"`
 * form; otherwise each map key (AWS, Service, Federated, CanonicalUser) lists
 * its values.
 */
export interface PrincipalBlock {
  readonly wildcard: boolean;
  readonly entries: ReadonlyArray<{ readonly type: Located; readonly values: Located[] }>;
  readonly position?: SourcePosition;
}

/** One `Operator: { key: values }` pair of a Condition block, split per key. */
export interface ConditionEntry {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: Located;
  readonly key: Located;
  readonly values: Located[];
}

/** A statement of a policy. Absent elements are `undefined`. */
export interface Statement {
  readonly index: number;
  readonly sid?: Located;
  readonly effect?: Located;
  readonly principal?: PrincipalBlock;
  readonly notPrincipal?: PrincipalBlock;
  readonly action?: Located[];
  readonly notAction?: Located[];
  readonly resource?: Located[];
  readonly notResource?: Located[];
  readonly condition?: ConditionEntry[];
  readonly position?: SourcePosition;
}

/** A parsed policy document. */
export interface PolicyDocument {
  readonly version?: Located;
  readonly id?: Located;
  readonly statements: Statement[];
  readonly position?: SourcePosition;
}

/** Problems met while reading a policy's structure (not its meaning). */
export interface ParseIssue {
  /** Stable code, e.g. `json-syntax`, `unknown-element`, `wrong-type`. */
  readonly code: string;
  readonly message: string;
  readonly position?: SourcePosition;
}

/** What `parsePolicy` returns: a document when the text had one, plus issues. */
export interface ParseResult {
  readonly policy?: PolicyDocument;
  readonly issues: ParseIssue[];
}
