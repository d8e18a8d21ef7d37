/**
 * Reading the demo's `stacks`: CloudFormation templates deployed after the
 * demo's own resources, each `{name, template, role?, parameters?}`. The
 * stack name follows CloudFormation's rule, the template is a relative
 * path (to the demo file), the role is a role declared earlier in the
 * file, and parameters are strings.
 */
import { readObject, readString, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at } from "../formats/optional.js";
import type { DemoAppStack } from "./model.js";
import type { DemoNames } from "./names.js";

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/**
 * One entry of the `stacks` section.
 *
 * @example
 * readAppStack(node, "stacks[0]", names); // { name: "accesslab-demo-app", template: "app.yaml", role: "demo-deployer", parameters: {} }
 */
export function readAppStack(node: JsonNode, where: string, names: DemoNames): DemoAppStack {
  const m = readObject(node, where, ["name", "template", "role", "parameters"]);
  const nameNode = m.get("name");
  const templateNode = m.get("template");
  if (nameNode === undefined || templateNode === undefined)
    throw new ShapeError(`${where} needs \`name\` and \`template\``, node.position);
  const name = readString(nameNode, `${where}.name`);
  if (!STACK_NAME.test(name))
    throw new ShapeError(
      `stack name \`${name}\` must start with a letter and hold only letters, digits and hyphens`,
      nameNode.position,
    );
  const template = readString(templateNode, `${where}.template`);
  if (template.startsWith("/") || template.split(/[\\/]/).includes(".."))
    throw new ShapeError(
      `template \`${template}\` must be a path inside the demo's folder`,
      templateNode.position,
    );
  const roleNode = m.get("role");
  const role = roleNode ? readString(roleNode, `${where}.role`) : undefined;
  if (role !== undefined) names.expect(role, "role", roleNode?.position);
  return {
    name,
    template,
    ...(role === undefined ? {} : { role }),
    parameters: readParameters(m.get("parameters"), `${where}.parameters`),
    ...at(nameNode.position),
  };
}

function readParameters(node: JsonNode | undefined, where: string): Record<string, string> {
  if (node === undefined) return {};
  if (node.kind !== "object")
    throw new ShapeError(`\`${where}\` must be an object, found ${node.kind}`, node.position);
  return Object.fromEntries(
    node.entries.map((e) => [e.key, readString(e.value, `${where}.${e.key}`)]),
  );
}
