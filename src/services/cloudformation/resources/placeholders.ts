/**
 * Resources accesslab keeps only as records: `AWS::Lambda::Permission`
 * (authorized as `lambda:AddPermission`, not enforced), custom resources
 * (`AWS::CloudFormation::CustomResource`, `Custom::*`: the function their
 * `ServiceToken` names must exist, as CloudFormation must invoke it; its
 * role was already checked by Lambda when it was created), and any other
 * type, created as an opaque placeholder with a warning on its event.
 * Each gets a generated physical id and no attributes, except a bucket
 * (`AWS::S3::Bucket`): its BucketName or a lowercase generated name within
 * 63 characters, and its `Arn` and `DomainName`, as other resources (a
 * function's `Code.S3Bucket`) use them.
 */
import { getFunction } from "../../lambda/functions.js";
import { generatedName } from "../names.js";
import type { HandlerEnv, ResourceHandler } from "../resource-handler.js";

/**
 * The handler of `AWS::Lambda::Permission`.
 *
 * @example
 * LAMBDA_PERMISSION.create(env, props).physicalId; // "app-Permission-…"
 */
export const LAMBDA_PERMISSION: ResourceHandler = {
  create(env, props) {
    const fn = props.string("FunctionName");
    props.string("Action");
    props.string("Principal");
    env.allow("lambda:AddPermission", fn.startsWith("arn:") ? fn : "*");
    return made(env.ctx, env.stackName, env.logicalId);
  },
  remove() {},
};

/**
 * The handler of custom resources.
 *
 * @example
 * CUSTOM_RESOURCE.create(env, props); // throws ResourceNotFoundException when the ServiceToken function is missing
 */
export const CUSTOM_RESOURCE: ResourceHandler = {
  create(env, props) {
    const token = props.string("ServiceToken");
    if (token.startsWith("arn:aws:lambda:")) {
      env.allow("lambda:InvokeFunction", token);
      getFunction(env.ctx, token);
    }
    return made(env.ctx, env.stackName, env.logicalId);
  },
  remove() {},
};

/**
 * The handler of a type accesslab does not model.
 *
 * @example
 * placeholderHandler("AWS::S3::Bucket").create(env, props).warning;
 * // "resource type `AWS::S3::Bucket` is not modelled by accesslab: created as a placeholder"
 */
export function placeholderHandler(type: string): ResourceHandler {
  return {
    create(env, props) {
      const base = made(env.ctx, env.stackName, env.logicalId);
      return {
        ...base,
        ...(type === "AWS::S3::Bucket" ? bucket(env, props.optionalString("BucketName")) : {}),
        warning: `resource type \`${type}\` is not modelled by accesslab: created as a placeholder`,
      };
    },
    remove() {},
  };
}

/** A bucket's name: BucketName, or a generated lowercase name within S3's 63 characters. */
function bucket(
  env: HandlerEnv,
  name: string | undefined,
): { physicalId: string; attributes: Record<string, string> } {
  const physicalId = name ?? generatedName(env.ctx, env.stackName, env.logicalId, 63).toLowerCase();
  return {
    physicalId,
    attributes: { Arn: `arn:aws:s3:::${physicalId}`, DomainName: `${physicalId}.s3.amazonaws.com` },
  };
}

function made(
  ctx: Parameters<typeof generatedName>[0],
  stackName: string,
  logicalId: string,
): { physicalId: string; attributes: Record<string, string>; undo: Record<string, string> } {
  return { physicalId: generatedName(ctx, stackName, logicalId, 128), attributes: {}, undo: {} };
}
