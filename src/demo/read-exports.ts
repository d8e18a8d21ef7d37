/**
 * Reading the demo's `exports`: a map from an output key (letters and
 * digits, as CloudFormation requires of output names) to a demo name
 * declared earlier, optionally followed by `.Arn` for the ARN of an access
 * point or the file system (whose plain value is their id). Every other
 * kind already has one value: an id (VPC, subnet, security group,
 * endpoint) or an ARN (user, role, secret).
 */
import { readString, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at } from "../formats/optional.js";
import type { DemoExport } from "./model.js";
import type { DemoNames } from "./names.js";

const OUTPUT_KEY = /^[A-Za-z0-9]{1,255}$/;
const WITH_ARN = new Set(["access point", "file system"]);

/**
 * The `exports` section.
 *
 * @example
 * readExports(node, names); // [{ key: "SubnetA", name: "demo-subnet-a", arn: false }, …]
 */
export function readExports(node: JsonNode, names: DemoNames): DemoExport[] {
  if (node.kind !== "object")
    throw new ShapeError(
      `exports must be an object of output keys to demo names, found ${node.kind}`,
      node.position,
    );
  return node.entries.map((entry) => {
    if (!OUTPUT_KEY.test(entry.key))
      throw new ShapeError(
        `export key \`${entry.key}\` must be letters and digits (it is the output's name)`,
        entry.keyPosition,
      );
    const value = readString(entry.value, `exports.${entry.key}`);
    const arn = value.endsWith(".Arn");
    const name = arn ? value.slice(0, -".Arn".length) : value;
    const kind = names.kindOf(name, entry.value.position);
    if (arn && !WITH_ARN.has(kind))
      throw new ShapeError(
        `\`${name}\` is a ${kind}: \`.Arn\` applies to an access point or the file system`,
        entry.value.position,
      );
    return { key: entry.key, name, arn, ...at(entry.value.position ?? entry.keyPosition) };
  });
}
