/**
 * Reading the demo's `users` (name, an optional fixed `accessKey` with `id`
 * and `secret`, inline `policies`) and `roles` (name, the one
 * `trustedService` principal its trust policy admits, `managedPolicies`
 * ARNs, inline `policies`, and optional `containerCredentials` to register
 * for an ECS task role).
 */
import { readArray, readObject, readString, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { DemoRole, DemoUser } from "./model.js";
import type { DemoNames } from "./names.js";
import { readInlinePolicies, requiredString } from "./read-fields.js";

/** The service principal ECS tasks assume roles as. */
const ECS_TASKS = "ecs-tasks.amazonaws.com";

/**
 * One `users[i]` entry.
 *
 * @example
 * readUser(node, "users[0]", names).accessKey?.id; // "AKIADEMODEVELOPER001"
 */
export function readUser(node: JsonNode, where: string, names: DemoNames): DemoUser {
  const m = readObject(node, where, ["name", "accessKey", "policies"]);
  const name = requiredString(m, "name", where, node);
  names.declare(name, "user", m.get("name")?.position);
  const keyNode = m.get("accessKey");
  let accessKey: DemoUser["accessKey"];
  if (keyNode) {
    const k = readObject(keyNode, `${where}.accessKey`, ["id", "secret"]);
    accessKey = {
      id: requiredString(k, "id", `${where}.accessKey`, keyNode),
      secret: requiredString(k, "secret", `${where}.accessKey`, keyNode),
    };
  }
  return {
    name,
    ...at(node.position),
    ...optional("accessKey", accessKey),
    policies: readInlinePolicies(m.get("policies"), `${where}.policies`, names),
  };
}

/**
 * One `roles[i]` entry.
 *
 * @example
 * readRole(node, "roles[0]", names).trustedService; // "lambda.amazonaws.com"
 */
export function readRole(node: JsonNode, where: string, names: DemoNames): DemoRole {
  const m = readObject(node, where, [
    "name",
    "trustedService",
    "managedPolicies",
    "policies",
    "containerCredentials",
  ]);
  const name = requiredString(m, "name", where, node);
  names.declare(name, "role", m.get("name")?.position);
  const trustedService = requiredString(m, "trustedService", where, node);
  const managed = m.get("managedPolicies");
  const credentials = m.get("containerCredentials");
  return {
    name,
    ...at(node.position),
    trustedService,
    managedPolicies: managed
      ? readArray(managed, `${where}.managedPolicies`).map((n, i) =>
          readString(n, `${where}.managedPolicies[${i}]`),
        )
      : [],
    policies: readInlinePolicies(m.get("policies"), `${where}.policies`, names),
    ...optional(
      "containerCredentials",
      credentials
        ? readContainerCredentials(credentials, `${where}.containerCredentials`, trustedService)
        : undefined,
    ),
  };
}

function readContainerCredentials(
  node: JsonNode,
  where: string,
  trustedService: string,
): { taskId: string; cluster: string } {
  if (trustedService !== ECS_TASKS)
    throw new ShapeError(
      `${where}: only a role trusting \`${ECS_TASKS}\` can vend container credentials`,
      node.position,
    );
  const m = readObject(node, where, ["taskId", "cluster"]);
  const cluster = m.get("cluster");
  return {
    taskId: requiredString(m, "taskId", where, node),
    cluster: cluster ? readString(cluster, `${where}.cluster`) : "default",
  };
}
