/**
 * Lambda's answers as the API shapes them: `FunctionConfiguration` (with
 * `Version` `$LATEST`, `State` `Active`, `LastUpdateStatus` `Successful`,
 * `PackageType` `Zip` and Lambda's own LastModified text) and
 * GetFunction's `{Configuration, Code, Tags}`.
 */
import { codeLocation } from "../../services/lambda/assumptions.js";
import { lastModifiedText } from "../../services/lambda/last-modified.js";
import type { FunctionCode, LambdaFunction } from "../../services/lambda/model.js";

/**
 * A function as `FunctionConfiguration`.
 *
 * @example
 * functionConfiguration(fn).Version; // "$LATEST"
 */
export function functionConfiguration(fn: LambdaFunction): Record<string, unknown> {
  return {
    FunctionName: fn.functionName,
    FunctionArn: fn.functionArn,
    ...(fn.runtime !== undefined ? { Runtime: fn.runtime } : {}),
    Role: fn.role,
    ...(fn.handler !== undefined ? { Handler: fn.handler } : {}),
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lastModifiedText(fn.lastModifiedMs),
    CodeSha256: fn.codeSha256,
    Version: "$LATEST",
    ...(fn.vpcConfig
      ? {
          VpcConfig: {
            SubnetIds: fn.vpcConfig.subnetIds,
            SecurityGroupIds: fn.vpcConfig.securityGroupIds,
            VpcId: fn.vpcConfig.vpcId,
          },
        }
      : {}),
    ...(fn.environment ? { Environment: { Variables: fn.environment } } : {}),
    ...(fn.fileSystemConfigs.length > 0
      ? {
          FileSystemConfigs: fn.fileSystemConfigs.map((c) => ({
            Arn: c.arn,
            LocalMountPath: c.localMountPath,
          })),
        }
      : {}),
    RevisionId: fn.revisionId,
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: fn.architectures,
  };
}

/**
 * GetFunction's answer.
 *
 * @example
 * getFunctionOutput(fn, code, where).Code; // { RepositoryType: "S3", Location: "…" }
 */
export function getFunctionOutput(
  fn: LambdaFunction,
  code: FunctionCode,
  where: { readonly region: string; readonly account: string },
): Record<string, unknown> {
  return {
    Configuration: functionConfiguration(fn),
    Code: {
      RepositoryType: "S3",
      Location: codeLocation(code, { ...where, functionName: fn.functionName }),
    },
    ...(Object.keys(fn.tags).length > 0 ? { Tags: fn.tags } : {}),
  };
}
