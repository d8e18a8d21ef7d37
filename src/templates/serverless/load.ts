/**
 * Loads a Serverless Framework service from disk (the only file access in
 * this folder): given the service directory, its `serverless.yml`, or the
 * packaged template, it reads
 * `.serverless/cloudformation-template-update-stack.json` and the
 * deployment role from the service file next to it. A service that has not
 * been packaged yet yields one `serverless-not-packaged` error that says
 * which command to run.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { TemplateDiagnostic, TemplateDocument } from "../model.js";
import { type DeploymentRole, readDeploymentRole } from "./deployment-role.js";
import { PACKAGED_TEMPLATE, readPackagedTemplate } from "./packaged-template.js";

/** Service file names the framework looks for, in its order. */
export const SERVICE_FILES = [
  "serverless.yml",
  "serverless.yaml",
  "serverless.json",
  "serverless.js",
  "serverless.cjs",
  "serverless.mjs",
  "serverless.ts",
];

/** A service as accesslab reads it. */
export interface ServerlessService {
  readonly directory: string;
  readonly document?: TemplateDocument;
  readonly deploymentRole?: DeploymentRole;
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/**
 * Loads the service at `path` (a directory, a service file or the packaged template).
 *
 * @example
 * const { document, deploymentRole, diagnostics } = await loadServerlessService("services/api");
 */
export async function loadServerlessService(path: string): Promise<ServerlessService> {
  const directory = await serviceDirectory(path);
  const packaged = join(directory, ".serverless", PACKAGED_TEMPLATE);
  const serviceFile = await firstExisting(SERVICE_FILES.map((f) => join(directory, f)));
  const diagnostics: TemplateDiagnostic[] = [];
  const packagedText = await readText(packaged);
  if (packagedText === undefined) {
    diagnostics.push(
      serviceFile
        ? {
            severity: "error",
            code: "serverless-not-packaged",
            message: `\`${basename(serviceFile)}\` is not packaged: run \`serverless package\` in \`${directory}\` first, then check \`${packaged}\``,
            file: serviceFile,
          }
        : {
            severity: "error",
            code: "serverless-not-found",
            message: `no \`serverless.yml\` and no \`.serverless/${PACKAGED_TEMPLATE}\` in \`${directory}\``,
            file: path,
          },
    );
    return { directory, diagnostics };
  }
  const template = readPackagedTemplate(packaged, packagedText);
  diagnostics.push(...template.diagnostics);
  let deploymentRole: DeploymentRole | undefined;
  if (serviceFile && /\.(ya?ml|json)$/.test(serviceFile)) {
    const role = readDeploymentRole(serviceFile, (await readText(serviceFile)) ?? "");
    diagnostics.push(...role.diagnostics);
    deploymentRole = role.deploymentRole;
  } else if (serviceFile)
    diagnostics.push({
      severity: "warning",
      code: "serverless-config-not-read",
      message: `accesslab reads \`serverless.yml\` and \`serverless.json\` only, not \`${basename(serviceFile)}\`; pass the deployment role with \`--role-arn\``,
      file: serviceFile,
    });
  return {
    directory,
    diagnostics,
    ...(template.document ? { document: template.document } : {}),
    ...(deploymentRole ? { deploymentRole } : {}),
  };
}

/**
 * True when `path` looks like a Serverless Framework service input.
 *
 * @example
 * await isServerlessInput("svc/serverless.yml"); // true
 */
export async function isServerlessInput(path: string): Promise<boolean> {
  const name = basename(path);
  if (SERVICE_FILES.includes(name) || name === PACKAGED_TEMPLATE) return true;
  if (!(await isDirectory(path))) return false;
  return (await firstExisting(SERVICE_FILES.map((f) => join(path, f)))) !== undefined;
}

async function serviceDirectory(path: string): Promise<string> {
  if (await isDirectory(path)) return path;
  const parent = dirname(path);
  if (basename(path) === PACKAGED_TEMPLATE && basename(parent) === ".serverless")
    return dirname(parent);
  return parent;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function firstExisting(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths)
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  return undefined;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}
