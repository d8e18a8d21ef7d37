/**
 * Reading the demo's `fileSystem` (creation token, name, `mountTargets` in
 * subnets with security groups, `accessPoints` with an optional POSIX user
 * and root directory, an optional file system `policy`) and `secrets`
 * (name, a string or JSON object `value`, an optional resource `policy`).
 */
import { readArray, readObject, ShapeError } from "../formats/json-read.js";
import { type JsonNode, jsonNodeToValue } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { DemoFileSystem, DemoSecret } from "./model.js";
import type { DemoNames } from "./names.js";
import { readAccessPoint } from "./read-access-point.js";
import { readNameList, readPolicy, requiredString } from "./read-fields.js";

/**
 * The `fileSystem` section.
 *
 * @example
 * readFileSystem(node, names).accessPoints.map((a) => a.name); // ["app", "reports"]
 */
export function readFileSystem(node: JsonNode, names: DemoNames): DemoFileSystem {
  const where = "fileSystem";
  const m = readObject(node, where, [
    "name",
    "creationToken",
    "mountTargets",
    "accessPoints",
    "policy",
  ]);
  const name = requiredString(m, "name", where, node);
  names.declare(name, "file system", m.get("name")?.position);
  const list = <T>(key: string, read: (n: JsonNode, at: string) => T): T[] => {
    const n = m.get(key);
    return n ? readArray(n, `${where}.${key}`).map((x, i) => read(x, `${where}.${key}[${i}]`)) : [];
  };
  const policy = m.get("policy");
  return {
    name,
    creationToken: requiredString(m, "creationToken", where, node),
    mountTargets: list("mountTargets", (n, w) => {
      const t = readObject(n, w, ["subnet", "securityGroups"]);
      const subnet = requiredString(t, "subnet", w, n);
      names.expect(subnet, "subnet", t.get("subnet")?.position);
      const groups = t.get("securityGroups");
      return {
        subnet,
        securityGroups: groups
          ? readNameList(groups, `${w}.securityGroups`, "security group", names)
          : [],
        ...at(n.position),
      };
    }),
    accessPoints: list("accessPoints", (n, w) => readAccessPoint(n, w, names)),
    ...optional("policy", policy ? readPolicy(policy, `${where}.policy`, names) : undefined),
    ...at(node.position),
  };
}

/**
 * One `secrets[i]` entry; an object `value` becomes its JSON text.
 *
 * @example
 * readSecret(node, "secrets[0]", names).value; // '{"host":"db.demo.internal",…}'
 */
export function readSecret(node: JsonNode, where: string, names: DemoNames): DemoSecret {
  const m = readObject(node, where, ["name", "value", "policy"]);
  const name = requiredString(m, "name", where, node);
  names.declare(name, "secret", m.get("name")?.position);
  const valueNode = m.get("value");
  if (!valueNode) throw new ShapeError(`${where} has no \`value\``, node.position);
  const value =
    valueNode.kind === "object"
      ? JSON.stringify(jsonNodeToValue(valueNode))
      : requiredString(m, "value", where, node);
  const policy = m.get("policy");
  return {
    name,
    value,
    ...optional("policy", policy ? readPolicy(policy, `${where}.policy`, names) : undefined),
    ...at(node.position),
  };
}
