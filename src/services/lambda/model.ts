/**
 * The Lambda resources accesslab keeps: a function's configuration as the
 * Lambda API describes it (`$LATEST` only; versions and aliases come later)
 * and its deployment package, kept apart so listing functions never loads
 * code. A zip package is kept base64-encoded (records are JSON), so the
 * runtime can unpack and run it later; an S3 package is kept as its
 * reference.
 */

/** A function's network attachment (Lambda API `VpcConfigResponse`). */
export interface FunctionVpcConfig {
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** The VPC the subnets belong to; `""` once detached. */
  readonly vpcId: string;
}

/** One file system a function mounts (Lambda API `FileSystemConfig`). */
export interface FileSystemConfig {
  /** The EFS access point ARN. */
  readonly arn: string;
  /** Where the function sees it, `/mnt/…`. */
  readonly localMountPath: string;
}

/** A Lambda function (its `$LATEST` configuration). */
export interface LambdaFunction {
  readonly functionName: string;
  readonly functionArn: string;
  readonly runtime?: string;
  readonly role: string;
  readonly handler?: string;
  readonly description: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly lastModifiedMs: number;
  readonly codeSha256: string;
  readonly codeSize: number;
  readonly vpcConfig?: FunctionVpcConfig;
  readonly environment?: Readonly<Record<string, string>>;
  readonly fileSystemConfigs: readonly FileSystemConfig[];
  readonly architectures: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  readonly revisionId: string;
}

/** A function's deployment package. */
export type FunctionCode =
  | { readonly kind: "zip"; readonly zipFileBase64: string }
  | {
      readonly kind: "s3";
      readonly s3Bucket: string;
      readonly s3Key: string;
      readonly s3ObjectVersion?: string;
    };

/** Record kinds under which Lambda keeps its resources, keyed by function name. */
export const LAMBDA_RECORD = {
  function: "lambda/function",
  code: "lambda/code",
} as const;
