/**
 * Lambda behaviour the AWS documentation leaves open, each as one named
 * constant or message. Change them here only.
 */

/**
 * UNCONFIRMED: the exact wording when an access point's file system lacks a
 * mount target in one of the function's Availability Zones. The wording
 * below is the one users report from CreateFunction; no primary source for
 * it was found (searched GitHub issues, code and pages for "does not have
 * mount target created in all availability zones"), so it may differ in
 * detail from AWS's.
 */
export const missingMountTargetMessage = (fileSystemArn: string, accessPointArn: string) =>
  `EFS file system ${fileSystemArn} referenced by access point ${accessPointArn} does not have mount target created in all availability zones the function will execute in. Please create EFS mount targets in availability zones where the function has subnets configured.`;

/**
 * FileSystemConfigs on a function without subnets. Wording from the
 * CloudFormation failure quoted in aws-cloudformation/cfn-lint PR #4408
 * ("Function must be configured to execute in a VPC to reference access
 * point arn:aws:elasticfilesystem:..."); whether it ends with a period is
 * UNCONFIRMED (we add none).
 */
export const vpcRequiredMessage = (accessPointArn: string) =>
  `Function must be configured to execute in a VPC to reference access point ${accessPointArn}`;

/**
 * UNCONFIRMED: Lambda's code and wording for an access point ARN of the right
 * shape that names no access point. We answer InvalidParameterValueException.
 */
export const accessPointMissingMessage = (accessPointArn: string) =>
  `EFS access point ${accessPointArn} does not exist`;

/**
 * UNCONFIRMED: which mount targets count for the Availability Zone check.
 * We count only the file system's mount targets in the function's own VPC
 * (aws-facts C2: "a mount target in every AZ the function uses, in the same
 * VPC"); mount targets reachable over peering are not considered.
 */
export const MOUNT_TARGETS_MUST_SHARE_VPC = true;

/**
 * UNCONFIRMED: subnets and security groups of different VPCs. Lambda refuses
 * them; this wording is the one other emulators use.
 */
export const MIXED_VPC_MESSAGE = "Security groups and subnets must all belong to the same VPC.";

/** The wording when Code has neither ZipFile nor S3Bucket/S3Key (Lambda's message, as clients report it). */
export const NO_CODE_SOURCE_MESSAGE = "Please provide a source for function code.";

/**
 * UNCONFIRMED: an S3 package is not fetched (accesslab has no S3), so its
 * CodeSize is 0 and its CodeSha256 is the hash of its `s3://bucket/key`
 * reference text.
 */
export const S3_CODE_SIZE = 0;

/**
 * UNCONFIRMED: GetFunction's `Code.Location` is a presigned S3 URL on AWS.
 * accesslab answers `s3://bucket/key` for an S3 package and an
 * `accesslab://lambda/<region>/<account>/<name>` reference for an uploaded
 * zip, since no S3 endpoint serves it.
 */
export const codeLocation = (
  code: { kind: "zip" } | { kind: "s3"; s3Bucket: string; s3Key: string },
  where: { region: string; account: string; functionName: string },
) =>
  code.kind === "s3"
    ? `s3://${code.s3Bucket}/${code.s3Key}`
    : `accesslab://lambda/${where.region}/${where.account}/${where.functionName}`;

/** ListFunctions answers at most 50 functions per page unless MaxItems says fewer (Lambda API). */
export const LIST_FUNCTIONS_PAGE = 50;

/**
 * UNCONFIRMED: the wording when a zip-packaged function lacks Runtime or
 * Handler (older and newer Lambda answers differ; this is the older one).
 */
export const RUNTIME_HANDLER_REQUIRED_MESSAGE =
  "Runtime and Handler are mandatory parameters for functions created with deployment packages.";

/**
 * The identity a function's code runs as, and so the identity an EFS access
 * point without a PosixUser sees: `sbx_user1051`, uid 993, gid 990 (OBSERVED
 * on Amazon Linux 2 runtimes in seeds-digest section 1; AWS documents no
 * number). The check's probes and the runtime both use it.
 */
export const LAMBDA_SANDBOX_IDENTITY = { uid: 993, gid: 990, groups: [990] } as const;

/**
 * UNCONFIRMED: which of the function's subnets an instance's network
 * interface is placed in. Lambda spreads instances over the subnets and
 * publishes no rule; accesslab places every instance in the first subnet
 * of `VpcConfig.SubnetIds`, so a function behaves the same on every
 * invocation (`accesslab check` and `CreateFunction` already require a
 * mount target in every subnet's zone).
 */
export const INSTANCE_SUBNET_INDEX = 0;

/**
 * UNCONFIRMED: the private address the instance's interface gets in its
 * subnet. Any free address would do; the last usable one (as `accesslab
 * check` assumes) keeps it clear of mount targets, which take the lowest.
 */
export const INSTANCE_ADDRESS_IN_SUBNET = "last" as const;
