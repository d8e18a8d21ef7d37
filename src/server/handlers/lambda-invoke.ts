/**
 * Lambda's Invoke over rest-json: `POST /2015-03-31/functions/{FunctionName}/invocations`
 * with the payload as the raw body, `X-Amz-Invocation-Type`
 * (RequestResponse, Event, DryRun), `X-Amz-Log-Type` (None, Tail),
 * `X-Amz-Client-Context` and the `Qualifier` query parameter. It asks
 * `lambda:InvokeFunction` on the function's unqualified ARN. The answer is
 * the handler's payload itself with `X-Amz-Executed-Version`, and
 * `X-Amz-Function-Error` / `X-Amz-Log-Result` when they apply; 202 for an
 * Event, 204 for a DryRun.
 */
import type { HttpResponse } from "../../protocol/http-response.js";
import { validationFailed } from "../../services/lambda/errors.js";
import { parseFunctionName } from "../../services/lambda/function-name.js";
import {
  type InvocationType,
  type InvokeOutput,
  invokeFunction,
} from "../../services/lambda/invoke.js";
import type { RestOperation } from "./rest-binding.js";

const INVOCATION_TYPES = ["Event", "RequestResponse", "DryRun"] as const;
const LOG_TYPES = ["None", "Tail"] as const;

/**
 * The Invoke operation, for Lambda's binding.
 *
 * @example
 * restBinding([...LAMBDA_OPERATIONS, INVOKE_OPERATION], lambdaAccessDenied);
 */
export const INVOKE_OPERATION: RestOperation = {
  name: "Invoke",
  method: "POST",
  path: "/2015-03-31/functions/{FunctionName}/invocations",
  rawBody: true,
  plan: (ctx, input, call) => {
    const label = input.labels.FunctionName ?? "";
    const ref = parseFunctionName(ctx, label);
    const qualifier = single(input.query.Qualifier);
    const functionName =
      qualifier === undefined || ref.qualifier !== undefined ? label : `${label}:${qualifier}`;
    const invocationType = member(
      input.headers["x-amz-invocation-type"] ?? "RequestResponse",
      INVOCATION_TYPES,
      "invocationType",
    );
    const logType = member(input.headers["x-amz-log-type"] ?? "None", LOG_TYPES, "logType");
    const clientContext = input.headers["x-amz-client-context"];
    return {
      access: [{ action: "lambda:InvokeFunction", resource: ref.arn }],
      run: () =>
        invokeFunction(ctx, {
          functionName,
          invocationType: invocationType as InvocationType,
          logType: logType as "None" | "Tail",
          payload: input.raw,
          requestId: call.requestId,
          ...(clientContext !== undefined ? { clientContext } : {}),
        }),
    };
  },
  render: (output, requestId) => invokeResponse(output as InvokeOutput, requestId),
};

/**
 * Invoke's HTTP answer.
 *
 * @example
 * invokeResponse({ status: 200, payload: "1", executedVersion: "$LATEST" }, "r-1").headers["x-amz-executed-version"]; // "$LATEST"
 */
export function invokeResponse(output: InvokeOutput, requestId: string): HttpResponse {
  const headers: Record<string, string> = { "x-amzn-requestid": requestId };
  if (output.status !== 200) return { status: output.status, headers, body: "" };
  headers["content-type"] = "application/json";
  headers["x-amz-executed-version"] = output.executedVersion;
  if (output.functionError) headers["x-amz-function-error"] = output.functionError;
  if (output.logResult !== undefined) headers["x-amz-log-result"] = output.logResult;
  return { status: 200, headers, body: output.payload };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A header's value, which must be one of `allowed` (ValidationException otherwise, as Lambda's model says). */
function member(value: string, allowed: readonly string[], field: string): string {
  if (!allowed.includes(value))
    throw validationFailed([
      `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`,
    ]);
  return value;
}
