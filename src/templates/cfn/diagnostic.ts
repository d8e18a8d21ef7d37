/**
 * Building `TemplateDiagnostic` values for one file: a small factory so
 * every reader and resolver stage writes diagnostics the same way, with the
 * position and logical id only when they are known.
 */
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../model.js";

/** Where a diagnostic is about. */
export interface DiagnosticPlace {
  readonly position?: SourcePosition | undefined;
  readonly logicalId?: string | undefined;
}

/**
 * A diagnostic for `file`.
 *
 * @example
 * diagnostic("t.yaml", "error", "missing-ref", "unresolved `Vpc`", { position: { line: 3, column: 7 } });
 */
export function diagnostic(
  file: string,
  severity: TemplateDiagnostic["severity"],
  code: string,
  message: string,
  place: DiagnosticPlace = {},
): TemplateDiagnostic {
  return {
    severity,
    code,
    message,
    file,
    ...(place.position ? { position: place.position } : {}),
    ...(place.logicalId !== undefined ? { logicalId: place.logicalId } : {}),
  };
}
