/**
 * What a report is made from: the findings to show, the ones suppressed,
 * the problems met while reading templates, the files and resources that
 * were checked, and the fail level. Every format renders this value and
 * nothing else, so text, JSON, SARIF and JUnit always agree.
 */
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../../templates/model.js";
import type { Finding, Severity } from "../finding.js";
import type { SuppressedFinding } from "../suppression.js";

/** A resource that was checked. */
export interface CheckedResource {
  readonly logicalId: string;
  /** e.g. `AWS::EFS::AccessPoint`; absent when the template does not say. */
  readonly type?: string;
  readonly position?: SourcePosition;
}

/** A template file that was checked, with its resources in file order. */
export interface CheckedFile {
  readonly file: string;
  readonly resources: readonly CheckedResource[];
}

/** Everything a report shows. */
export interface CheckReport {
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly diagnostics: readonly TemplateDiagnostic[];
  readonly files: readonly CheckedFile[];
  readonly failOn: Severity;
}

/** What a renderer needs besides the report. */
export interface RenderOptions {
  readonly toolVersion: string;
  /** Absolute working directory, forward slashes; SARIF URIs are relative to it. */
  readonly workingDirectory: string;
  /**
   * The generic words of a rule (for SARIF `tool.driver.rules`); without
   * it, or when it returns nothing, the first finding of the rule is used.
   */
  readonly describeRule?: (
    ruleId: string,
  ) => { readonly title: string; readonly explanation: string; readonly fix: string } | undefined;
}
