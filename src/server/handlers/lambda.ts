/**
 * The Lambda control plane over rest-json (API 2015-03-31): CreateFunction
 * (201), GetFunction, GetFunctionConfiguration, UpdateFunctionConfiguration,
 * UpdateFunctionCode, ListFunctions (Marker/NextMarker) and DeleteFunction
 * (204), plus Invoke
 * (`lambda-invoke.ts`, which runs code through the context's runner). Each plan
 * asks for `lambda:<Operation>` on the function's ARN (`*` for
 * ListFunctions); passing an execution role also asks `iam:PassRole` on it
 * (with `iam:PassedToService` `lambda.amazonaws.com`), and naming a file
 * system asks `elasticfilesystem:DescribeMountTargets` on it, since Lambda
 * verifies mount targets with the caller's permissions (aws-facts C3).
 */
import type { ServiceContext } from "../../services/context.js";
import { fileSystemArn } from "../../services/efs/ids.js";
import { lambdaAccessDenied } from "../../services/lambda/errors.js";
import { findAccessPoint } from "../../services/lambda/file-system-access.js";
import {
  checkCreateInput,
  checkSettings,
  type FunctionSettings,
} from "../../services/lambda/function-input.js";
import { type FunctionRef, parseFunctionName } from "../../services/lambda/function-name.js";
import {
  createFunction,
  deleteFunction,
  functionCode,
  getFunction,
  updateFunctionConfiguration,
} from "../../services/lambda/functions.js";
import { listFunctions } from "../../services/lambda/list-functions.js";
import { CREATE_FUNCTION_MAX_REQUEST_BYTES } from "../../services/lambda/request-limits.js";
import { ShapeChecks } from "../../services/lambda/shape-checks.js";
import { updateFunctionCode } from "../../services/lambda/update-code.js";
import type { AccessAsk, Plan } from "./handler.js";
import { createInput, settingsInput, updateCodeInput } from "./lambda-input.js";
import { INVOKE_OPERATION } from "./lambda-invoke.js";
import { functionConfiguration, getFunctionOutput } from "./lambda-shapes.js";
import { type RestInput, type RestOperation, restBinding } from "./rest-binding.js";

const FUNCTIONS = "/2015-03-31/functions";
const FUNCTION = `${FUNCTIONS}/{FunctionName}`;
const CONFIGURATION = `${FUNCTION}/configuration`;

/**
 * Lambda's operations, for `restBinding`.
 *
 * @example
 * restBinding(LAMBDA_OPERATIONS, lambdaAccessDenied);
 */
export const LAMBDA_OPERATIONS: readonly RestOperation[] = [
  {
    name: "CreateFunction",
    method: "POST",
    path: FUNCTIONS,
    status: 201,
    maxBodyBytes: CREATE_FUNCTION_MAX_REQUEST_BYTES,
    plan: (ctx, { body }) => {
      const input = createInput(body);
      checkCreateInput(input);
      const ref = parseFunctionName(ctx, input.functionName);
      return plan([ask("CreateFunction", ref), ...settingAsks(ctx, input)], () =>
        functionConfiguration(createFunction(ctx, input)),
      );
    },
  },
  {
    name: "GetFunction",
    method: "GET",
    path: FUNCTION,
    plan: (ctx, input) => {
      const { ref, name } = target(ctx, input);
      return plan([ask("GetFunction", ref)], () => {
        const fn = getFunction(ctx, name);
        return getFunctionOutput(fn, functionCode(ctx, fn), ctx);
      });
    },
  },
  {
    name: "GetFunctionConfiguration",
    method: "GET",
    path: CONFIGURATION,
    plan: (ctx, input) => {
      const { ref, name } = target(ctx, input);
      return plan([ask("GetFunctionConfiguration", ref)], () =>
        functionConfiguration(getFunction(ctx, name)),
      );
    },
  },
  {
    name: "UpdateFunctionConfiguration",
    method: "PUT",
    path: CONFIGURATION,
    plan: (ctx, input) => {
      const { ref, name } = target(ctx, input);
      const settings = settingsInput(input.body);
      checkSettings(settings);
      return plan([ask("UpdateFunctionConfiguration", ref), ...settingAsks(ctx, settings)], () =>
        functionConfiguration(updateFunctionConfiguration(ctx, name, settings)),
      );
    },
  },
  {
    name: "UpdateFunctionCode",
    method: "PUT",
    path: `${FUNCTION}/code`,
    maxBodyBytes: CREATE_FUNCTION_MAX_REQUEST_BYTES,
    plan: (ctx, input) => {
      const { ref, name } = target(ctx, input);
      const code = updateCodeInput(input.body);
      return plan([ask("UpdateFunctionCode", ref)], () =>
        functionConfiguration(updateFunctionCode(ctx, name, code)),
      );
    },
  },
  {
    name: "ListFunctions",
    method: "GET",
    path: FUNCTIONS,
    plan: (ctx, { query }) => {
      const marker = queryText(query, "Marker");
      const maxItems = queryInteger(query, "MaxItems");
      return plan([{ action: "lambda:ListFunctions", resource: "*" }], () => {
        const page = listFunctions(ctx, {
          ...(marker !== undefined ? { marker } : {}),
          ...(maxItems !== undefined ? { maxItems } : {}),
        });
        return {
          Functions: page.functions.map(functionConfiguration),
          ...(page.nextMarker !== undefined ? { NextMarker: page.nextMarker } : {}),
        };
      });
    },
  },
  {
    name: "DeleteFunction",
    method: "DELETE",
    path: FUNCTION,
    status: 204,
    plan: (ctx, input) => {
      const { ref, name } = target(ctx, input);
      return plan([ask("DeleteFunction", ref)], () => {
        deleteFunction(ctx, name);
        return undefined;
      });
    },
  },
  INVOKE_OPERATION,
];

/**
 * Lambda as the chain sees it; refusals are `AccessDeniedException` (403).
 *
 * @example
 * LAMBDA_BINDING.denied("User: … is not authorized …").code; // "AccessDeniedException"
 */
export const LAMBDA_BINDING = restBinding(LAMBDA_OPERATIONS, lambdaAccessDenied);

function plan<T>(access: readonly AccessAsk[], run: () => T): Plan<T> {
  return { access, run };
}

/** `lambda:<operation>` on the function's unqualified ARN. */
function ask(operation: string, ref: FunctionRef): AccessAsk {
  return { action: `lambda:${operation}`, resource: ref.arn };
}

/** The function a path names, with the `Qualifier` query parameter folded in. */
function target(ctx: ServiceContext, input: RestInput): { ref: FunctionRef; name: string } {
  const label = input.labels.FunctionName ?? "";
  const ref = parseFunctionName(ctx, label);
  const qualifier = queryText(input.query, "Qualifier");
  const name =
    qualifier === undefined || ref.qualifier !== undefined ? label : `${label}:${qualifier}`;
  return { ref, name };
}

/** PassRole for a role being set, DescribeMountTargets for each file system named. */
function settingAsks(ctx: ServiceContext, settings: FunctionSettings): AccessAsk[] {
  const asks: AccessAsk[] = [];
  if (settings.role !== undefined)
    asks.push({
      action: "iam:PassRole",
      resource: settings.role,
      context: { "iam:PassedToService": "lambda.amazonaws.com" },
    });
  for (const config of settings.fileSystemConfigs ?? []) {
    const ap = findAccessPoint(ctx, config.arn);
    if (ap)
      asks.push({
        action: "elasticfilesystem:DescribeMountTargets",
        resource: fileSystemArn(ctx.region, ap.ownerId, ap.fileSystemId),
      });
  }
  return asks;
}

function queryText(query: RestInput["query"], name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}

function queryInteger(query: RestInput["query"], name: string): number | undefined {
  const text = queryText(query, name);
  if (text === undefined) return undefined;
  const checks = new ShapeChecks();
  checks.require(
    /^-?\d{1,9}$/.test(text),
    text,
    name.charAt(0).toLowerCase() + name.slice(1),
    "Member must be an integer",
  );
  checks.throwIfAny();
  return Number(text);
}
