/**
 * Local function code on `accesslab deploy`, as `sam deploy` handles it:
 * a SAM function whose `CodeUri` is a local directory is created with a
 * placeholder package (the SAM transform's `accesslab-local-code` marker),
 * then, once the stack is in place, the directory (relative to the
 * template) is zipped and sent with Lambda's UpdateFunctionCode, so Invoke
 * runs it. On AWS `sam deploy` uploads to S3 before the stack is created;
 * accesslab has no S3, hence the order.
 */
import { dirname, isAbsolute, join } from "node:path";
import type { CloudFormationTemplate } from "../../templates/cfn/outputs.js";
import { LOCAL_CODE_BUCKET } from "../../templates/sam/assumptions.js";
import { CliError } from "../cli-error.js";
import { endpointUrl, signedPost } from "../signed-fetch.js";
import { zipDirectory } from "../zip-directory.js";
import { stackPhysicalIds } from "./deploy-remote.js";

/** A function whose code is a local directory. */
export interface LocalCodeFunction {
  readonly logicalId: string;
  /** The directory, as the template names it. */
  readonly path: string;
}

/**
 * The functions of `template` whose code is local.
 *
 * @example
 * localCodeFunctions(template); // [{ logicalId: "Api", path: "src/" }]
 */
export function localCodeFunctions(template: CloudFormationTemplate): LocalCodeFunction[] {
  return template.resources.flatMap((r) => {
    if (r.type !== "AWS::Lambda::Function") return [];
    const code = r.properties(() => undefined).Code;
    if (typeof code !== "object" || code === null || Array.isArray(code)) return [];
    const { S3Bucket: bucket, S3Key: key } = code as Record<string, unknown>;
    return bucket === LOCAL_CODE_BUCKET && typeof key === "string"
      ? [{ logicalId: r.logicalId, path: key }]
      : [];
  });
}

/**
 * Zips each directory and sends it to the stack's function.
 *
 * @example
 * await uploadLocalCode("http://127.0.0.1:4566", "app", "template.yaml", functions, print);
 */
export async function uploadLocalCode(
  endpoint: string,
  stackName: string,
  templateFile: string,
  functions: readonly LocalCodeFunction[],
  print: (line: string) => void,
): Promise<void> {
  if (functions.length === 0) return;
  const physical = await stackPhysicalIds(endpoint, stackName);
  for (const fn of functions) {
    const name = physical.get(fn.logicalId);
    if (name === undefined) continue;
    const directory = isAbsolute(fn.path) ? fn.path : join(dirname(templateFile), fn.path);
    const zip = zipDirectory(directory);
    const url = endpointUrl(endpoint, `/2015-03-31/functions/${encodeURIComponent(name)}/code`);
    const response = await signedPost({
      method: "PUT",
      endpoint,
      url,
      service: "lambda",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ZipFile: Buffer.from(zip).toString("base64") }),
      hint: "start `accesslab serve` first",
    });
    if (!response.ok)
      throw new CliError(
        `UpdateFunctionCode of \`${name}\` refused: ${response.status} ${await response.text()}`,
      );
    print(`uploaded ${directory} to ${name} (${zip.length} bytes)`);
  }
}
