/**
 * Reading Lambda's rest-json request bodies into the service's plain
 * inputs: CreateFunction and UpdateFunctionConfiguration members by their
 * wire names (`FunctionName`, `VpcConfig.SubnetIds`, `FileSystemConfigs[].
 * LocalMountPath`, …). A member of the wrong JSON type is a
 * `SerializationException`; a missing required member is Lambda's
 * `ValidationException` ("Value null at 'role' failed to satisfy
 * constraint: Member must not be null").
 */
import { ProtocolError } from "../../protocol/errors.js";
import { invalidParameter } from "../../services/lambda/errors.js";
import type {
  CodeInput,
  CreateFunctionInput,
  FunctionSettings,
  VpcConfigInput,
} from "../../services/lambda/function-input.js";
import type { FileSystemConfig } from "../../services/lambda/model.js";
import { ShapeChecks } from "../../services/lambda/shape-checks.js";
import type { UpdateCodeInput } from "../../services/lambda/update-code.js";

type Json = Readonly<Record<string, unknown>>;

/**
 * CreateFunction's input from its body.
 *
 * @example
 * createInput({ FunctionName: "app", Role: roleArn, Code: { ZipFile: "UEsFBg…" } }).functionName; // "app"
 */
export function createInput(body: Json): CreateFunctionInput {
  const checks = new ShapeChecks();
  checks.notNull(body.FunctionName, "functionName");
  checks.notNull(body.Role, "role");
  checks.notNull(body.Code, "code");
  checks.throwIfAny();
  const packageType = text(body, "PackageType");
  if (packageType !== undefined && packageType !== "Zip")
    throw invalidParameter(
      `package type \`${packageType}\` is not supported by accesslab; use \`Zip\``,
    );
  const tags = textMap(body, "Tags");
  const architectures = textList(body, "Architectures");
  return {
    ...settingsInput(body),
    functionName: text(body, "FunctionName") ?? "",
    role: text(body, "Role") ?? "",
    code: codeInput(struct(body, "Code") ?? {}),
    ...(tags !== undefined ? { tags } : {}),
    ...(architectures !== undefined ? { architectures } : {}),
  };
}

/**
 * The settings CreateFunction and UpdateFunctionConfiguration share.
 *
 * @example
 * settingsInput({ Timeout: 30 }); // { timeout: 30 }
 */
export function settingsInput(body: Json): FunctionSettings {
  const vpc = struct(body, "VpcConfig");
  const environment = struct(body, "Environment");
  const variables =
    environment === undefined ? undefined : (textMap(environment, "Variables") ?? {});
  const configs = list(body, "FileSystemConfigs");
  return {
    ...optional("role", text(body, "Role")),
    ...optional("runtime", text(body, "Runtime")),
    ...optional("handler", text(body, "Handler")),
    ...optional("description", text(body, "Description")),
    ...optional("timeout", integer(body, "Timeout")),
    ...optional("memorySize", integer(body, "MemorySize")),
    ...optional("vpcConfig", vpc === undefined ? undefined : vpcInput(vpc)),
    ...optional("environment", variables),
    ...optional("fileSystemConfigs", configs?.map(fileSystemConfig)),
  };
}

function vpcInput(vpc: Json): VpcConfigInput {
  return {
    ...optional("subnetIds", textList(vpc, "SubnetIds")),
    ...optional("securityGroupIds", textList(vpc, "SecurityGroupIds")),
  };
}

/**
 * UpdateFunctionCode's input from its body (the package members sit at the top level).
 *
 * @example
 * updateCodeInput({ ZipFile: "UEsFBg…", RevisionId: "r" }).revisionId; // "r"
 */
export function updateCodeInput(body: Json): UpdateCodeInput {
  if (body.Publish === true)
    throw invalidParameter("accesslab keeps `$LATEST` only: `Publish` is not supported");
  const revisionId = text(body, "RevisionId");
  return {
    code: codeInput(body),
    ...(revisionId !== undefined ? { revisionId } : {}),
    ...(body.DryRun === true ? { dryRun: true } : {}),
  };
}

function codeInput(code: Json): CodeInput {
  return {
    ...optional("zipFileBase64", text(code, "ZipFile")),
    ...optional("s3Bucket", text(code, "S3Bucket")),
    ...optional("s3Key", text(code, "S3Key")),
    ...optional("s3ObjectVersion", text(code, "S3ObjectVersion")),
  };
}

function fileSystemConfig(item: unknown, index: number): FileSystemConfig {
  if (!isObject(item)) throw wrongType(`FileSystemConfigs[${index}]`, "an object");
  const checks = new ShapeChecks();
  checks.notNull(item.Arn, `fileSystemConfigs.${index + 1}.member.arn`);
  checks.notNull(item.LocalMountPath, `fileSystemConfigs.${index + 1}.member.localMountPath`);
  checks.throwIfAny();
  return { arn: text(item, "Arn") ?? "", localMountPath: text(item, "LocalMountPath") ?? "" };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function text(obj: Json, key: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw wrongType(key, "a string");
  return value;
}

function integer(obj: Json, key: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(key, "an integer");
  return value;
}

function struct(obj: Json, key: string): Json | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(key, "an object");
  return value;
}

function list(obj: Json, key: string): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(key, "a list");
  return value;
}

function textList(obj: Json, key: string): string[] | undefined {
  const items = list(obj, key);
  if (items?.some((item) => typeof item !== "string")) throw wrongType(key, "a list of strings");
  return items as string[] | undefined;
}

function textMap(obj: Json, key: string): Record<string, string> | undefined {
  const map = struct(obj, key);
  if (map !== undefined && Object.values(map).some((v) => typeof v !== "string"))
    throw wrongType(key, "a map of strings");
  return map as Record<string, string> | undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function wrongType(member: string, expected: string): ProtocolError {
  return new ProtocolError("SerializationException", 400, `\`${member}\` must be ${expected}`);
}
