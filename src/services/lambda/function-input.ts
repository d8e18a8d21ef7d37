/**
 * What CreateFunction and UpdateFunctionConfiguration take, already read
 * from the wire into plain values, and the API model's constraints on it
 * (role ARN pattern, handler, description, Timeout, MemorySize, VpcConfig
 * list sizes, FileSystemConfigs: at most one, the EFS access point ARN
 * pattern, `^/mnt/[a-zA-Z0-9-_.]+$`), reported as Lambda's
 * `ValidationException`. Checks against other resources come later, in
 * `references.ts`.
 */
import type { FileSystemConfig } from "./model.js";
import { ShapeChecks } from "./shape-checks.js";

/** A deployment package as given. */
export interface CodeInput {
  /** The zip archive, base64-encoded as the wire carries it. */
  readonly zipFileBase64?: string;
  readonly s3Bucket?: string;
  readonly s3Key?: string;
  readonly s3ObjectVersion?: string;
}

/** A VpcConfig as given. */
export interface VpcConfigInput {
  readonly subnetIds?: readonly string[];
  readonly securityGroupIds?: readonly string[];
}

/** The settings both CreateFunction and UpdateFunctionConfiguration take. */
export interface FunctionSettings {
  readonly role?: string;
  readonly runtime?: string;
  readonly handler?: string;
  readonly description?: string;
  readonly timeout?: number;
  readonly memorySize?: number;
  readonly vpcConfig?: VpcConfigInput;
  readonly environment?: Readonly<Record<string, string>>;
  readonly fileSystemConfigs?: readonly FileSystemConfig[];
}

/** CreateFunction's input. */
export interface CreateFunctionInput extends FunctionSettings {
  readonly functionName: string;
  readonly role: string;
  readonly code: CodeInput;
  readonly tags?: Readonly<Record<string, string>>;
  readonly architectures?: readonly string[];
}

/** Lambda's Role pattern (API model). */
export const ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
/** Lambda's FileSystemConfig Arn pattern (API model): an EFS access point ARN. */
export const ACCESS_POINT_ARN_PATTERN =
  "arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:access-point/fsap-[a-f0-9]{17}";
/** Lambda's LocalMountPath pattern (API model). */
export const LOCAL_MOUNT_PATH_PATTERN = "^/mnt/[a-zA-Z0-9-_.]+$";

/**
 * Checks the settings against the model; throws `ValidationException` listing every violation.
 *
 * @example
 * checkSettings({ timeout: 0 }); // throws "1 validation error detected: Value '0' at 'timeout' …"
 */
export function checkSettings(settings: FunctionSettings, checks = new ShapeChecks()): void {
  checks.length(settings.role, "role", 0, 2048);
  checks.pattern(settings.role, "role", ROLE_PATTERN);
  checks.length(settings.handler, "handler", 0, 128);
  if (settings.handler !== undefined && settings.handler !== "")
    checks.pattern(settings.handler, "handler", "[^\\s]+");
  checks.length(settings.description, "description", 0, 256);
  checks.range(settings.timeout, "timeout", 1);
  checks.range(settings.memorySize, "memorySize", 128, 10240);
  const vpc = settings.vpcConfig;
  if (vpc?.subnetIds)
    checks.require(
      vpc.subnetIds.length <= 16,
      vpc.subnetIds,
      "vpcConfig.subnetIds",
      "Member must have length less than or equal to 16",
    );
  if (vpc?.securityGroupIds)
    checks.require(
      vpc.securityGroupIds.length <= 5,
      vpc.securityGroupIds,
      "vpcConfig.securityGroupIds",
      "Member must have length less than or equal to 5",
    );
  checkFileSystemConfigs(checks, settings.fileSystemConfigs);
  for (const key of Object.keys(settings.environment ?? {}))
    checks.pattern(key, "environment.variables", "[a-zA-Z]([a-zA-Z0-9_])+");
  checks.throwIfAny();
}

/**
 * Checks CreateFunction's input against the model.
 *
 * @example
 * checkCreateInput({ functionName: "app", role, code: { zipFileBase64 } });
 */
export function checkCreateInput(input: CreateFunctionInput): void {
  const checks = new ShapeChecks();
  const architectures = input.architectures;
  if (architectures !== undefined) {
    checks.require(
      architectures.length === 1,
      architectures,
      "architectures",
      "Member must have length less than or equal to 1",
    );
    for (const [i, arch] of architectures.entries())
      checks.require(
        arch === "x86_64" || arch === "arm64",
        arch,
        `architectures.${i + 1}.member`,
        "Member must satisfy enum value set: [x86_64, arm64]",
      );
  }
  checks.length(input.code.s3Bucket, "code.s3Bucket", 3, 63);
  checks.length(input.code.s3Key, "code.s3Key", 1, 1024);
  checkSettings(input, checks);
}

function checkFileSystemConfigs(
  checks: ShapeChecks,
  configs: readonly FileSystemConfig[] | undefined,
): void {
  if (configs === undefined) return;
  checks.require(
    configs.length <= 1,
    configs.map((c) => `FileSystemConfig(arn=${c.arn}, localMountPath=${c.localMountPath})`),
    "fileSystemConfigs",
    "Member must have length less than or equal to 1",
  );
  for (const [i, config] of configs.entries()) {
    const at = `fileSystemConfigs.${i + 1}.member`;
    checks.length(config.arn, `${at}.arn`, 0, 200);
    checks.pattern(config.arn, `${at}.arn`, ACCESS_POINT_ARN_PATTERN);
    checks.length(config.localMountPath, `${at}.localMountPath`, 0, 160);
    checks.pattern(config.localMountPath, `${at}.localMountPath`, LOCAL_MOUNT_PATH_PATTERN);
  }
}
