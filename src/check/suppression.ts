/**
 * Suppressions: an `ignore` entry, from a resource's
 * `Metadata.accesslab.ignore` or from the `.accesslab.yaml` config file,
 * silences the findings it matches. A suppressed finding is not shown but
 * is counted in every report's summary (and kept, marked as suppressed, in
 * SARIF), so silencing something never makes it disappear without trace.
 */
import type { SourcePosition } from "../formats/position.js";
import type { Finding } from "./finding.js";

/** Where an ignore entry was written. */
export type IgnoreSource = "metadata" | "config";

/** One ignore entry. `logicalId` and `file` narrow it; absent means any. */
export interface IgnoreRule {
  /** A rule id, or a pattern with `*` (e.g. `efs-*`). */
  readonly ruleId: string;
  readonly reason: string;
  readonly source: IgnoreSource;
  /** A logical id or a pattern with `*`. */
  readonly logicalId?: string;
  /** A template path (relative, forward slashes) or a pattern with `*` and `**`. */
  readonly file?: string;
  /** The file the entry is written in (the template or the config file). */
  readonly declaredIn: string;
  readonly position?: SourcePosition;
}

/** A finding an ignore entry silenced, with the entry that did it. */
export interface SuppressedFinding {
  readonly finding: Finding;
  readonly rule: IgnoreRule;
}
