/**
 * What an authorization returns: a value, never an exception. The trace
 * names each statement that was looked at, whether it applied, and if not,
 * which element (and which condition key and value) made it not apply.
 */

import type { SourcePosition } from "../../formats/position.js";
import type { PolicyKind } from "./policy-kind.js";

/**
 * How a Principal element named the caller: its own ARN (`specific`), `*`
 * (`wildcard`), the role of a role session (`role`), or only its account
 * (`account`).
 */
export type PrincipalMatch = "specific" | "wildcard" | "role" | "account";

/** The three outcomes AWS distinguishes. */
export type DecisionKind = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

/** Identifies one policy of a policy set. */
export interface PolicyRef {
  readonly kind: PolicyKind;
  /** Position of the policy within its kind (0-based). For SCPs and RCPs, within its level. */
  readonly index: number;
  /** Organization level for SCPs and RCPs (0 = root). */
  readonly level?: number;
  /** A name given by the caller (file name, policy name). */
  readonly name?: string;
}

/** The element that made a statement not apply. */
export type MismatchElement =
  | "Effect"
  | "Action"
  | "NotAction"
  | "Resource"
  | "NotResource"
  | "Principal"
  | "NotPrincipal"
  | "Condition"
  | "PolicyVariable";

/** Why a statement did not apply. */
export interface Mismatch {
  readonly element: MismatchElement;
  /** Lowercase explanation, user input in backticks. */
  readonly message: string;
  readonly position?: SourcePosition | undefined;
  /** For conditions: the operator, key and the request's values (absent when the key is missing). */
  readonly operator?: string | undefined;
  readonly key?: string | undefined;
  readonly requestValues?: readonly string[] | undefined;
}

/** A condition that held, with the request's values for its key (absent when the key is missing). */
export interface HeldCondition {
  readonly operator: string;
  readonly key: string;
  readonly requestValues?: readonly string[] | undefined;
}

/** The verdict on one statement. */
export interface StatementTrace {
  readonly policy: PolicyRef;
  readonly statement: number;
  readonly sid?: string | undefined;
  readonly effect: "Allow" | "Deny";
  readonly position?: SourcePosition | undefined;
  readonly applies: boolean;
  /** How a Principal element named the caller. */
  readonly principalMatch?: PrincipalMatch | undefined;
  readonly mismatch?: Mismatch | undefined;
  /** For statements that applied: each condition that held and the request values it saw. */
  readonly conditions?: readonly HeldCondition[] | undefined;
  /** A statement that could not be evaluated (e.g. a malformed operator); it never applies. */
  readonly error?: string | undefined;
}

/** The result of an authorization. */
export interface Decision {
  readonly decision: DecisionKind;
  /** Short lowercase sentences saying why, most decisive first. */
  readonly reasons: string[];
  /** The statements that decided (explicit denies, or the allows that granted). */
  readonly deciding: StatementTrace[];
  /** Every statement evaluated, in evaluation order. */
  readonly trace: StatementTrace[];
  /** The policy kind whose missing allow caused an implicit deny, if any. */
  readonly deniedBy?: PolicyKind;
}
