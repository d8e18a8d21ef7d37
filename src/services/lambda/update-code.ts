/**
 * UpdateFunctionCode: a new deployment package for `$LATEST`, checked as
 * CreateFunction checks one (a zip archive, or an S3 reference), giving
 * the function a new CodeSha256, CodeSize, LastModified and RevisionId.
 * A stale `RevisionId` is refused with Lambda's PreconditionFailed; a
 * dry run checks without changing anything. Warm instances of the old
 * code are retired by the runtime, which keys instances by revision.
 */
import { prepareCode } from "./code.js";
import type { LambdaContext } from "./context.js";
import { LambdaError } from "./errors.js";
import type { CodeInput } from "./function-input.js";
import { getFunction } from "./functions.js";
import { LAMBDA_RECORD, type LambdaFunction } from "./model.js";
import { newRevisionId } from "./revision-id.js";

/** What UpdateFunctionCode takes besides the function's name. */
export interface UpdateCodeInput {
  readonly code: CodeInput;
  /** The revision the caller expects to replace. */
  readonly revisionId?: string;
  readonly dryRun?: boolean;
}

/**
 * Replaces the function's code.
 *
 * @example
 * updateFunctionCode(ctx, "app", { code: { zipFileBase64 } }).codeSha256; // the new package's hash
 */
export function updateFunctionCode(
  ctx: LambdaContext,
  nameOrArn: string,
  input: UpdateCodeInput,
): LambdaFunction {
  return ctx.store.transaction(() => {
    const fn = getFunction(ctx, nameOrArn);
    if (input.revisionId !== undefined && input.revisionId !== fn.revisionId)
      throw new LambdaError(
        "PreconditionFailedException",
        412,
        "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
      );
    const prepared = prepareCode(input.code);
    if (input.dryRun) return fn;
    const next: LambdaFunction = {
      ...fn,
      codeSha256: prepared.codeSha256,
      codeSize: prepared.codeSize,
      lastModifiedMs: ctx.clock(),
      revisionId: newRevisionId(ctx.random),
    };
    ctx.store.records.put(LAMBDA_RECORD.function, next.functionName, next);
    ctx.store.records.put(LAMBDA_RECORD.code, next.functionName, prepared.code);
    return next;
  });
}
