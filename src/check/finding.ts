/**
 * A finding: what `accesslab check` reports about one resource of one
 * template, backed by a probe that ran in the emulator. Every report
 * format (text, JSON, SARIF, JUnit) renders this value and nothing else.
 */
import type { SourcePosition } from "../formats/position.js";

/** How bad a finding is. */
export type Severity = "error" | "warning" | "info";

/** One finding. */
export interface Finding {
  /** Stable rule id, e.g. `efs-access-point-no-creation-info`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** One line: what will go wrong. */
  readonly title: string;
  readonly file: string;
  readonly logicalId: string;
  readonly position?: SourcePosition;
  /** One paragraph: why, in terms of how AWS behaves. */
  readonly explanation: string;
  /** The decision trace or probe transcript that proves it. */
  readonly evidence: readonly string[];
  /** A concrete fix. */
  readonly fix: string;
}

/** Severities from the most to the least severe. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
