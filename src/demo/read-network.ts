/**
 * Reading the demo's `network`: one `vpc` (name, cidr), `subnets` (name,
 * cidr, availabilityZone), `securityGroups` (name, description, `ingress`
 * rules of a protocol and port from a group declared earlier or from a
 * CIDR) and interface `endpoints` (name, service such as `secretsmanager`,
 * subnets, security groups).
 */
import { readArray, readInteger, readObject, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { DemoEndpoint, DemoIngress, DemoNetwork, DemoSecurityGroup } from "./model.js";
import type { DemoNames } from "./names.js";
import { readNameList, requiredString } from "./read-fields.js";

/**
 * The `network` section.
 *
 * @example
 * readNetwork(node, names).subnets.map((s) => s.availabilityZone); // ["us-east-1a", "us-east-1b"]
 */
export function readNetwork(node: JsonNode, names: DemoNames): DemoNetwork {
  const m = readObject(node, "network", ["vpc", "subnets", "securityGroups", "endpoints"]);
  const vpcNode = m.get("vpc");
  if (!vpcNode) throw new ShapeError("network has no `vpc`", node.position);
  const v = readObject(vpcNode, "network.vpc", ["name", "cidr"]);
  const vpc = {
    name: requiredString(v, "name", "network.vpc", vpcNode),
    cidr: requiredString(v, "cidr", "network.vpc", vpcNode),
    ...at(vpcNode.position),
  };
  names.declare(vpc.name, "vpc", v.get("name")?.position);
  const list = <T>(key: string, read: (n: JsonNode, where: string) => T): T[] => {
    const n = m.get(key);
    return n
      ? readArray(n, `network.${key}`).map((item, i) => read(item, `network.${key}[${i}]`))
      : [];
  };
  return {
    vpc,
    subnets: list("subnets", (n, where) => {
      const s = readObject(n, where, ["name", "cidr", "availabilityZone"]);
      const name = requiredString(s, "name", where, n);
      names.declare(name, "subnet", s.get("name")?.position);
      return {
        name,
        cidr: requiredString(s, "cidr", where, n),
        availabilityZone: requiredString(s, "availabilityZone", where, n),
        ...at(n.position),
      };
    }),
    securityGroups: list("securityGroups", (n, where) => readGroup(n, where, names)),
    endpoints: list("endpoints", (n, where) => readEndpoint(n, where, names)),
  };
}

function readGroup(node: JsonNode, where: string, names: DemoNames): DemoSecurityGroup {
  const m = readObject(node, where, ["name", "description", "ingress"]);
  const name = requiredString(m, "name", where, node);
  names.declare(name, "security group", m.get("name")?.position);
  const ingress = m.get("ingress");
  return {
    name,
    description: requiredString(m, "description", where, node),
    ingress: ingress
      ? readArray(ingress, `${where}.ingress`).map((n, i) =>
          readIngress(n, `${where}.ingress[${i}]`, names),
        )
      : [],
    ...at(node.position),
  };
}

function readIngress(node: JsonNode, where: string, names: DemoNames): DemoIngress {
  const m = readObject(node, where, ["protocol", "port", "fromGroup", "fromCidr"]);
  const portNode = m.get("port");
  if (!portNode) throw new ShapeError(`${where} has no \`port\``, node.position);
  const fromGroup = m.get("fromGroup") ? requiredString(m, "fromGroup", where, node) : undefined;
  const fromCidr = m.get("fromCidr") ? requiredString(m, "fromCidr", where, node) : undefined;
  if ((fromGroup === undefined) === (fromCidr === undefined))
    throw new ShapeError(
      `${where} needs exactly one of \`fromGroup\` and \`fromCidr\``,
      node.position,
    );
  if (fromGroup !== undefined)
    names.expect(fromGroup, "security group", m.get("fromGroup")?.position);
  return {
    protocol: requiredString(m, "protocol", where, node),
    port: readInteger(portNode, `${where}.port`, 0, 65535),
    ...optional("fromGroup", fromGroup),
    ...optional("fromCidr", fromCidr),
    ...at(node.position),
  };
}

function readEndpoint(node: JsonNode, where: string, names: DemoNames): DemoEndpoint {
  const m = readObject(node, where, ["name", "service", "subnets", "securityGroups"]);
  const name = requiredString(m, "name", where, node);
  const list = (key: string, kind: "subnet" | "security group") => {
    const n = m.get(key);
    return n ? readNameList(n, `${where}.${key}`, kind, names) : [];
  };
  const endpoint = {
    name,
    service: requiredString(m, "service", where, node),
    subnets: list("subnets", "subnet"),
    securityGroups: list("securityGroups", "security group"),
    ...at(node.position),
  };
  names.declare(name, "endpoint", m.get("name")?.position);
  return endpoint;
}
