/**
 * Other stacks' exports as the resolver sees them: an optional lookup from
 * an export name to its value, given by the deployer (which knows the
 * account and region's live stacks) and absent for `check`, where
 * `Fn::ImportValue` stays symbolic. An import of a name the lookup does not
 * know is reported with CloudFormation's own wording, under its own
 * diagnostic code so the deployer can fail the stack as CloudFormation does.
 */

/**
 * An export name to its value, `undefined` when no stack exports it.
 *
 * @example
 * const exports: ExportLookup = (name) => (name === "shared-vpc" ? "vpc-0abc" : undefined);
 */
export type ExportLookup = (exportName: string) => string | undefined;

/**
 * The diagnostic code of an import of an unknown export.
 *
 * @example
 * template.diagnostics.some((d) => d.code === UNKNOWN_EXPORT_CODE);
 */
export const UNKNOWN_EXPORT_CODE = "unknown-export";

/**
 * CloudFormation's message for an import of an export no stack has.
 *
 * @example
 * noExportMessage("shared-vpc"); // "No export named shared-vpc found"
 */
export function noExportMessage(exportName: string): string {
  return `No export named ${exportName} found`;
}
