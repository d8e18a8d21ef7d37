/**
 * `AWS::Lambda::Function`: CreateFunction as Lambda performs it, so the
 * execution role must be one Lambda can assume (its own
 * `InvalidParameterValueException`, aws-facts G1), after `iam:PassRole` on
 * that role and `lambda:CreateFunction` are authorized. FunctionName or a
 * generated name, Role, Runtime, Handler, Code (S3Bucket/S3Key, or inline
 * `ZipFile` source zipped as CloudFormation does, see inline-code.ts), Timeout,
 * MemorySize, VpcConfig, Environment.Variables, FileSystemConfigs,
 * Architectures, Tags. `Ref` is the function name; `Fn::GetAtt` has `Arn`.
 */

import type { CodeInput } from "../../lambda/function-input.js";
import { createFunction, deleteFunction, findFunction } from "../../lambda/functions.js";
import { generatedName } from "../names.js";
import { type PropertyReader, present } from "../properties.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";
import { inlineCodeZip } from "./inline-code.js";

/**
 * The handler of `AWS::Lambda::Function`.
 *
 * @example
 * LAMBDA_FUNCTION.create(env, props); // throws "The role defined for the function cannot be assumed by Lambda." for a CloudFormation-only role
 */
export const LAMBDA_FUNCTION: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const functionName =
      props.optionalString("FunctionName") ?? generatedName(ctx, env.stackName, env.logicalId, 64);
    const role = props.string("Role");
    const vpc = props.object("VpcConfig");
    const variables = props.object("Environment")?.Variables;
    const environment =
      variables === undefined
        ? undefined
        : props.nested({ Variables: variables }).object("Variables");
    const settings = {
      functionName,
      role,
      code: code(props),
      ...present("runtime", props.optionalString("Runtime")),
      ...present("handler", props.optionalString("Handler")),
      ...present("description", props.optionalString("Description")),
      ...present("timeout", props.optionalNumber("Timeout")),
      ...present("memorySize", props.optionalNumber("MemorySize")),
      ...(vpc
        ? {
            vpcConfig: {
              subnetIds: props.nested(vpc).strings("SubnetIds"),
              securityGroupIds: props.nested(vpc).strings("SecurityGroupIds"),
            },
          }
        : {}),
      ...(environment
        ? {
            environment: Object.fromEntries(
              Object.entries(environment).map(([k, v]) => [k, String(v)]),
            ),
          }
        : {}),
      fileSystemConfigs: props.objects("FileSystemConfigs").map((c) => ({
        arn: props.nested(c).string("Arn"),
        localMountPath: props.nested(c).string("LocalMountPath"),
      })),
      ...(props.strings("Architectures").length > 0
        ? { architectures: props.strings("Architectures") }
        : {}),
      tags: Object.fromEntries(props.tags("Tags").map((t) => [t.key, t.value])),
    };
    env.allow("iam:PassRole", role);
    env.allow(
      "lambda:CreateFunction",
      `arn:aws:lambda:${ctx.region}:${ctx.account}:function:${functionName}`,
    );
    const fn = createFunction(ctx, settings);
    return {
      physicalId: fn.functionName,
      attributes: { Arn: fn.functionArn },
      undo: { functionName: fn.functionName },
    };
  },
  remove(ctx, undo) {
    const name = undoString(undo, "functionName");
    if (findFunction(ctx, name)) deleteFunction(ctx, name);
  },
};

function code(props: PropertyReader): CodeInput {
  const c = props.nested(props.object("Code") ?? {});
  const bucket = c.optionalString("S3Bucket");
  const key = c.optionalString("S3Key");
  const version = c.optionalString("S3ObjectVersion");
  if (bucket !== undefined && key !== undefined)
    return {
      s3Bucket: bucket,
      s3Key: key,
      ...(version === undefined ? {} : { s3ObjectVersion: version }),
    };
  const source = c.optionalString("ZipFile");
  if (source !== undefined)
    return { zipFileBase64: inlineCodeZip(source, props.optionalString("Runtime")) };
  return {};
}
