/**
 * What a deployed function uses, as far as its template shows: the
 * resources its properties refer to (an environment variable holding a
 * secret's ARN, a file system's DNS name), those its execution role's
 * policies name (the secrets it may read), and the file servers named in
 * the secrets it reads. The last is how the seed's functions find their
 * SMB server (seeds-digest section 4): they read `host`, `share`, user and
 * password from a secret, so a secret whose value is built from a file
 * server's `DNSName` leads its readers to that server, though no property
 * of theirs names it.
 */
import type { LambdaFunction } from "../../services/lambda/model.js";
import { byPhysicalId, type DeployedResource, type ProbeRun } from "../probe.js";
import { functionSession } from "./function-context.js";

const SECRET = "AWS::SecretsManager::Secret";

/**
 * The deployed resources of `type` that `resource` (the function `fn`)
 * refers to directly or through its execution role.
 *
 * @example
 * usedResources(run, resource, fn, "AWS::SecretsManager::Secret").map((r) => r.logicalId); // ["FileShareSecret"]
 */
export function usedResources(
  run: ProbeRun,
  resource: DeployedResource,
  fn: LambdaFunction,
  type: string,
): DeployedResource[] {
  const role = byPhysicalId(run, "AWS::IAM::Role", functionSession(run.ctx, fn).roleName);
  const used = new Set([...resource.dependsOn, ...(role?.dependsOn ?? [])]);
  return run.resources.filter((r) => r.type === type && used.has(r.logicalId));
}

/**
 * The file servers (`AWS::FSx::FileSystem`) the function connects to: those
 * it refers to, and those the secrets it reads refer to.
 *
 * @example
 * usedFileServers(run, resource, fn).map((r) => r.logicalId); // ["FileServer"]
 */
export function usedFileServers(
  run: ProbeRun,
  resource: DeployedResource,
  fn: LambdaFunction,
): DeployedResource[] {
  const named = new Set([
    ...resource.dependsOn,
    ...usedResources(run, resource, fn, SECRET).flatMap((secret) => secret.dependsOn),
  ]);
  return run.resources.filter((r) => r.type === "AWS::FSx::FileSystem" && named.has(r.logicalId));
}
