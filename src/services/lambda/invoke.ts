/**
 * Lambda's Invoke: the function is looked up (ResourceNotFoundException),
 * the payload checked (JSON, size by invocation type), the execution role's
 * trust for `lambda.amazonaws.com` decided again (a role Lambda cannot
 * assume fails the call), and the invocation handed to the function runner:
 * `RequestResponse` waits for the handler (200 with its result, or its error
 * document and `Unhandled`), `Event` returns 202 at once and lets it run in
 * the background (failures are dropped: accesslab has no dead-letter
 * queues), `DryRun` returns 204 after the checks.
 */
import { assumeRoleForService, LAMBDA_CANNOT_ASSUME_ROLE } from "../sts/assume-role-for-service.js";
import { roleByArn } from "../sts/find-role.js";
import { decideAssumeRole } from "../sts/trust.js";
import type { LambdaContext } from "./context.js";
import { LambdaError } from "./errors.js";
import { LAMBDA_PRINCIPAL } from "./execution-role.js";
import { functionCode, getFunction } from "./functions.js";
import {
  EXECUTED_VERSION,
  INVOKE_ASYNC_MAX_PAYLOAD_BYTES,
  INVOKE_ROLE_REFUSAL_CODE,
  INVOKE_SYNC_MAX_PAYLOAD_BYTES,
  s3PackageMessage,
} from "./invoke-assumptions.js";
import { invalidPayload, noRuntime, payloadTooLarge } from "./invoke-errors.js";
import type { InvocationRequest, RoleCredentials } from "./invoke-port.js";
import { logTail } from "./log-tail.js";
import type { LambdaFunction } from "./model.js";

/** Invoke's `InvocationType`. */
export type InvocationType = "RequestResponse" | "Event" | "DryRun";

/** One Invoke call. */
export interface InvokeInput {
  /** A name, partial ARN or ARN, optionally qualified (`$LATEST` only). */
  readonly functionName: string;
  readonly invocationType: InvocationType;
  /** `Tail` asks for the last 4 KB of the log (RequestResponse only). */
  readonly logType: "None" | "Tail";
  readonly payload: Uint8Array;
  readonly requestId: string;
  readonly clientContext?: string;
}

/** Invoke's answer. */
export type InvokeOutput =
  | {
      readonly status: 200;
      readonly payload: string;
      readonly executedVersion: string;
      readonly functionError?: "Unhandled";
      /** The base64 of the log's last 4 KB, when `Tail` was asked (`X-Amz-Log-Result`). */
      readonly logResult?: string;
    }
  | { readonly status: 202 | 204 };

/**
 * Runs Invoke with the context's function runner (absent: ServiceException).
 *
 * @example
 * const out = await invokeFunction(ctx, { functionName: "app", invocationType: "RequestResponse", logType: "None", payload: new TextEncoder().encode("{}"), requestId: "r-1" });
 * if (out.status === 200) JSON.parse(out.payload);
 */
export async function invokeFunction(
  ctx: LambdaContext,
  input: InvokeInput,
): Promise<InvokeOutput> {
  const runner = ctx.functionRunner;
  const fn = getFunction(ctx, input.functionName);
  const payload = eventText(input);
  checkRole(ctx, fn);
  if (input.invocationType === "DryRun") return { status: 204 };
  if (runner === undefined) throw noRuntime();
  const request = invocation(ctx, fn, payload, input);
  if (input.invocationType === "Event") {
    runner.invoke(request).catch(() => undefined);
    return { status: 202 };
  }
  const result = await runner.invoke(request);
  return {
    status: 200,
    payload: result.payload,
    executedVersion: EXECUTED_VERSION,
    ...(result.functionError ? { functionError: result.functionError } : {}),
    ...(input.logType === "Tail" ? { logResult: logTail(result.log) } : {}),
  };
}

/** The event as JSON text, after the size and syntax checks. */
function eventText(input: InvokeInput): string {
  const limit =
    input.invocationType === "Event"
      ? INVOKE_ASYNC_MAX_PAYLOAD_BYTES
      : INVOKE_SYNC_MAX_PAYLOAD_BYTES;
  if (input.payload.length > limit)
    throw payloadTooLarge(input.invocationType === "Event" ? "Event" : "RequestResponse");
  const text = new TextDecoder("utf-8").decode(input.payload);
  if (text.trim() === "") return "{}";
  try {
    JSON.parse(text);
  } catch (error) {
    throw invalidPayload(error instanceof Error ? error.message : String(error));
  }
  return text;
}

/** The execution role must still trust Lambda. */
function checkRole(ctx: LambdaContext, fn: LambdaFunction): void {
  const role = roleByArn(ctx, fn.role);
  const allowed =
    role !== undefined &&
    decideAssumeRole(ctx, role, { principal: LAMBDA_PRINCIPAL }).decision === "Allowed";
  if (!allowed) throw new LambdaError(INVOKE_ROLE_REFUSAL_CODE, 400, LAMBDA_CANNOT_ASSUME_ROLE);
}

function invocation(
  ctx: LambdaContext,
  fn: LambdaFunction,
  payload: string,
  input: InvokeInput,
): InvocationRequest {
  const code = functionCode(ctx, fn);
  if (code.kind === "s3")
    throw new LambdaError(
      "InvalidParameterValueException",
      400,
      s3PackageMessage(`s3://${code.s3Bucket}/${code.s3Key}`),
    );
  return {
    fn,
    code,
    payload,
    requestId: input.requestId,
    region: ctx.region,
    ...(input.clientContext !== undefined ? { clientContext: input.clientContext } : {}),
    credentials: () => roleCredentials(ctx, fn),
  };
}

/** A fresh session of the execution role, named after the function as Lambda names it. */
function roleCredentials(ctx: LambdaContext, fn: LambdaFunction): RoleCredentials {
  const result = assumeRoleForService(ctx, {
    roleArn: fn.role,
    servicePrincipal: LAMBDA_PRINCIPAL,
    sessionName: fn.functionName,
  });
  if (!result.granted)
    throw new LambdaError(INVOKE_ROLE_REFUSAL_CODE, 400, LAMBDA_CANNOT_ASSUME_ROLE);
  return result.session.credentials;
}
