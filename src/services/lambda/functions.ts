/**
 * The Lambda control plane: CreateFunction, GetFunction(Configuration),
 * UpdateFunctionConfiguration and DeleteFunction over the store
 * (ListFunctions is in list-functions.ts). Each call checks the model's shape first (ValidationException),
 * then what it references in order: the execution role's trust, the
 * package, the VPC's subnets and security groups, the file systems; and
 * either succeeds or throws a {@link LambdaError} as one store transaction.
 */
import { RUNTIME_HANDLER_REQUIRED_MESSAGE } from "./assumptions.js";
import { prepareCode } from "./code.js";
import type { LambdaContext } from "./context.js";
import { functionExists, functionNotFound, invalidParameter } from "./errors.js";
import { checkExecutionRole } from "./execution-role.js";
import { checkFileSystemAccess } from "./file-system-access.js";
import {
  type CreateFunctionInput,
  checkCreateInput,
  checkSettings,
  type FunctionSettings,
} from "./function-input.js";
import { parseFunctionName } from "./function-name.js";
import { type FunctionCode, LAMBDA_RECORD, type LambdaFunction } from "./model.js";
import { newRevisionId } from "./revision-id.js";
import { resolveVpcConfig } from "./vpc-config.js";

/** Lambda's defaults for a new function. */
export const FUNCTION_DEFAULTS = { timeout: 3, memorySize: 128, architecture: "x86_64" } as const;

/**
 * CreateFunction.
 *
 * @example
 * createFunction(ctx, { functionName: "app", role, runtime: "nodejs20.x", handler: "index.handler", code: { zipFileBase64 } });
 */
export function createFunction(ctx: LambdaContext, input: CreateFunctionInput): LambdaFunction {
  checkCreateInput(input);
  const ref = parseFunctionName(ctx, input.functionName);
  if (ref.qualifier !== undefined || ref.account !== ctx.account)
    throw invalidParameter(
      `\`${input.functionName}\` is not an unqualified function name of this account`,
    );
  const { runtime, handler } = input;
  if (!runtime || !handler) throw invalidParameter(RUNTIME_HANDLER_REQUIRED_MESSAGE);
  return ctx.store.transaction(() => {
    if (findFunction(ctx, ref.name)) throw functionExists(ref.name);
    checkExecutionRole(ctx, input.role);
    const prepared = prepareCode(input.code);
    const vpc = input.vpcConfig ? resolveVpcConfig(ctx, input.vpcConfig) : undefined;
    checkFileSystemAccess(ctx, input.fileSystemConfigs ?? [], vpc);
    const fn: LambdaFunction = {
      functionName: ref.name,
      functionArn: ref.arn,
      runtime,
      role: input.role,
      handler,
      description: input.description ?? "",
      timeout: input.timeout ?? FUNCTION_DEFAULTS.timeout,
      memorySize: input.memorySize ?? FUNCTION_DEFAULTS.memorySize,
      lastModifiedMs: ctx.clock(),
      codeSha256: prepared.codeSha256,
      codeSize: prepared.codeSize,
      ...(vpc ? { vpcConfig: vpc.config } : {}),
      ...(input.environment ? { environment: { ...input.environment } } : {}),
      fileSystemConfigs: [...(input.fileSystemConfigs ?? [])],
      architectures: [...(input.architectures ?? [FUNCTION_DEFAULTS.architecture])],
      tags: { ...input.tags },
      revisionId: newRevisionId(ctx.random),
    };
    ctx.store.records.put(LAMBDA_RECORD.function, fn.functionName, fn);
    ctx.store.records.put(LAMBDA_RECORD.code, fn.functionName, prepared.code);
    return fn;
  });
}

/**
 * GetFunction / GetFunctionConfiguration: a function by name or ARN, or ResourceNotFoundException.
 *
 * @example
 * getFunction(ctx, "arn:aws:lambda:us-east-1:000000000000:function:app").functionName; // "app"
 */
export function getFunction(ctx: LambdaContext, nameOrArn: string): LambdaFunction {
  const ref = parseFunctionName(ctx, nameOrArn);
  const qualified = ref.qualifier !== undefined && ref.qualifier !== "$LATEST";
  const fn = ref.account === ctx.account && !qualified ? findFunction(ctx, ref.name) : undefined;
  if (!fn) throw functionNotFound(qualified ? `${ref.arn}:${ref.qualifier}` : ref.arn);
  return fn;
}

/**
 * A function's stored package (for GetFunction's Code and for the runtime).
 *
 * @example
 * functionCode(ctx, getFunction(ctx, "app")).kind; // "zip"
 */
export function functionCode(ctx: LambdaContext, fn: LambdaFunction): FunctionCode {
  const code = ctx.store.records.get<FunctionCode>(LAMBDA_RECORD.code, fn.functionName);
  if (!code) throw functionNotFound(fn.functionArn);
  return code;
}

/**
 * UpdateFunctionConfiguration: only the settings given change; the
 * resulting VpcConfig and FileSystemConfigs are checked together.
 *
 * @example
 * updateFunctionConfiguration(ctx, "app", { timeout: 30 }).timeout; // 30
 */
export function updateFunctionConfiguration(
  ctx: LambdaContext,
  nameOrArn: string,
  settings: FunctionSettings,
): LambdaFunction {
  checkSettings(settings);
  return ctx.store.transaction(() => {
    const fn = getFunction(ctx, nameOrArn);
    if (settings.role !== undefined) checkExecutionRole(ctx, settings.role);
    const vpc = settings.vpcConfig && resolveVpcConfig(ctx, settings.vpcConfig);
    const fileSystemConfigs = settings.fileSystemConfigs ?? fn.fileSystemConfigs;
    if (settings.vpcConfig || settings.fileSystemConfigs) {
      const current = vpc ?? (fn.vpcConfig && resolveVpcConfig(ctx, fn.vpcConfig));
      checkFileSystemAccess(ctx, fileSystemConfigs, current);
    }
    const next: LambdaFunction = {
      ...fn,
      ...(settings.role !== undefined ? { role: settings.role } : {}),
      ...(settings.runtime !== undefined ? { runtime: settings.runtime } : {}),
      ...(settings.handler !== undefined ? { handler: settings.handler } : {}),
      ...(settings.description !== undefined ? { description: settings.description } : {}),
      ...(settings.timeout !== undefined ? { timeout: settings.timeout } : {}),
      ...(settings.memorySize !== undefined ? { memorySize: settings.memorySize } : {}),
      ...(settings.environment !== undefined ? { environment: { ...settings.environment } } : {}),
      ...(vpc ? { vpcConfig: vpc.config } : {}),
      fileSystemConfigs: [...fileSystemConfigs],
      lastModifiedMs: ctx.clock(),
      revisionId: newRevisionId(ctx.random),
    };
    ctx.store.records.put(LAMBDA_RECORD.function, next.functionName, next);
    return next;
  });
}

/**
 * DeleteFunction: the function and its package.
 *
 * @example
 * deleteFunction(ctx, "app");
 */
export function deleteFunction(ctx: LambdaContext, nameOrArn: string): void {
  ctx.store.transaction(() => {
    const fn = getFunction(ctx, nameOrArn);
    ctx.store.records.delete(LAMBDA_RECORD.function, fn.functionName);
    ctx.store.records.delete(LAMBDA_RECORD.code, fn.functionName);
  });
}

/**
 * The function of that exact name, if any.
 *
 * @example
 * findFunction(ctx, "app")?.functionArn;
 */
export function findFunction(ctx: LambdaContext, name: string): LambdaFunction | undefined {
  return ctx.store.records.get<LambdaFunction>(LAMBDA_RECORD.function, name);
}
