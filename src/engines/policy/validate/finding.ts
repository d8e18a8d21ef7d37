/**
 * Validation findings, shaped like IAM Access Analyzer's ValidatePolicy:
 * a type, a stable code, a message and where in the policy it was found.
 */
import type { SourcePosition } from "../../../formats/position.js";

/** Access Analyzer's finding types, most severe first. */
export type FindingType = "ERROR" | "SECURITY_WARNING" | "WARNING" | "SUGGESTION";

/** One validation finding. */
export interface Finding {
  readonly type: FindingType;
  /** Stable kebab-case code, e.g. `missing-principal`, `unknown-action`. */
  readonly code: string;
  /** Lowercase, no final period, user input in backticks. */
  readonly message: string;
  readonly position?: SourcePosition;
  /** Index of the statement the finding is about, when it is about one. */
  readonly statement?: number;
}
