/**
 * Where a template will be deployed, as the files around it say. A
 * Serverless Framework packaged template (`<service>/.serverless/…`) is
 * deployed with the service role named by `provider.iam.deploymentRole`
 * (or `provider.cfnRole`) in the service file next to it, in that role's
 * account and the service's `provider.region`; a CDK stack template is deployed to the environment its
 * assembly's `manifest.json` binds it to, when it binds it. A plain
 * CloudFormation template says nothing, and the emulator's defaults apply.
 * Files are read through the caller's `readText`, so this module does no
 * I/O of its own.
 */
import { basename, dirname, join, normalize } from "node:path";
import type { SourcePosition } from "../formats/position.js";
import { parseRoleArn } from "../services/iam/ids.js";
import { readCdkManifest } from "../templates/cdk/manifest.js";
import type { TemplateDiagnostic } from "../templates/model.js";
import { readDeploymentRole } from "../templates/serverless/deployment-role.js";
import { SERVICE_FILES } from "../templates/serverless/load.js";
import { PACKAGED_TEMPLATE } from "../templates/serverless/packaged-template.js";

/** The CloudFormation service role a stack is deployed with, and who named it. */
export interface ServiceRoleSetting {
  readonly arn: string;
  /** The setting that named it, e.g. `provider.iam.deploymentRole`. */
  readonly setting: string;
  readonly file: string;
  readonly position?: SourcePosition;
}

/** What is known about a template's deployment beyond the template itself. */
export interface DeploymentSetting {
  readonly account?: string;
  readonly region?: string;
  readonly serviceRole?: ServiceRoleSetting;
  /** Parameter values given on the command line; each applies where a template declares it. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** Reads a file as UTF-8, throwing when it cannot. */
export type ReadText = (file: string) => string;

const CDK_ENVIRONMENT = /^aws:\/\/(\d{12})\/([a-z]{2}(?:-[a-z]+)+-\d)$/;
const SERVICE_FILE_FORMATS = /\.(ya?ml|json)$/;

/**
 * The deployment setting of the template at `file`.
 *
 * @example
 * deploymentSettingOf("svc/.serverless/cloudformation-template-update-stack.json", readText).setting.serviceRole?.arn;
 * // "arn:aws:iam::111122223333:role/deployer"
 */
export function deploymentSettingOf(
  file: string,
  readText: ReadText,
): { readonly setting: DeploymentSetting; readonly diagnostics: readonly TemplateDiagnostic[] } {
  const parent = dirname(file);
  if (basename(file) === PACKAGED_TEMPLATE && basename(parent) === ".serverless")
    return serverlessSetting(dirname(parent), readText);
  return { setting: cdkSetting(file, readText), diagnostics: [] };
}

/**
 * `setting` deployed through the service role `arn` given on the command
 * line, in that role's account; `setting` itself when there is none.
 *
 * @example
 * withServiceRole({}, "arn:aws:iam::111122223333:role/deployer", "t.yaml").account; // "111122223333"
 */
export function withServiceRole(
  setting: DeploymentSetting,
  arn: string | undefined,
  file: string,
): DeploymentSetting {
  if (arn === undefined) return setting;
  const account = parseRoleArn(arn)?.account ?? setting.account;
  return {
    ...setting,
    ...(account === undefined ? {} : { account }),
    serviceRole: { arn, setting: "--role-arn", file },
  };
}

function serverlessSetting(
  directory: string,
  readText: ReadText,
): { setting: DeploymentSetting; diagnostics: readonly TemplateDiagnostic[] } {
  for (const name of SERVICE_FILES.filter((n) => SERVICE_FILE_FORMATS.test(n))) {
    const serviceFile = join(directory, name);
    const text = tryRead(serviceFile, readText);
    if (text === undefined) continue;
    const { deploymentRole, region, diagnostics } = readDeploymentRole(serviceFile, text);
    const where = region === undefined ? {} : { region };
    if (deploymentRole === undefined || typeof deploymentRole.arn !== "string")
      return { setting: where, diagnostics };
    const account = parseRoleArn(deploymentRole.arn)?.account;
    const serviceRole: ServiceRoleSetting = {
      arn: deploymentRole.arn,
      setting: deploymentRole.setting,
      file: deploymentRole.file,
      ...(deploymentRole.position === undefined ? {} : { position: deploymentRole.position }),
    };
    return {
      setting: { ...where, serviceRole, ...(account === undefined ? {} : { account }) },
      diagnostics,
    };
  }
  return { setting: {}, diagnostics: [] };
}

function cdkSetting(file: string, readText: ReadText): DeploymentSetting {
  const manifestFile = join(dirname(file), "manifest.json");
  const text = tryRead(manifestFile, readText);
  if (text === undefined) return {};
  const stack = readCdkManifest(manifestFile, text).stacks.find(
    (s) => normalize(join(dirname(file), s.templateFile)) === normalize(file),
  );
  const [, account, region] = CDK_ENVIRONMENT.exec(stack?.environment ?? "") ?? [];
  return account !== undefined && region !== undefined ? { account, region } : {};
}

function tryRead(file: string, readText: ReadText): string | undefined {
  try {
    return readText(file);
  } catch {
    return undefined;
  }
}
