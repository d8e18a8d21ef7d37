/**
 * Reading a demo stack file (YAML or JSON) strictly and with positions:
 * unknown fields, wrong types, references to names not defined earlier and
 * malformed policies stop the reader with a message and the position of
 * the offending node, before anything is created.
 */
import { readArray, readObject, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { SourcePosition } from "../formats/position.js";
import { parseYamlTree } from "../formats/yaml-tree.js";
import type { DemoStack } from "./model.js";
import { type DemoNames, demoNames } from "./names.js";
import { readAppStack } from "./read-app-stacks.js";
import { readExports } from "./read-exports.js";
import { readRole, readUser } from "./read-identities.js";
import { readNetwork } from "./read-network.js";
import { readFileSystem, readSecret } from "./read-storage.js";

/** A problem in the file, with its position when known. */
export interface DemoStackError {
  readonly message: string;
  readonly position?: SourcePosition;
}

const TOP = ["users", "roles", "network", "fileSystem", "secrets", "exports", "stacks"];

/**
 * Reads a demo stack's text.
 *
 * @example
 * const { stack, error } = readDemoStack(text);
 * if (error) console.log(`${error.position?.line}:${error.position?.column}: ${error.message}`);
 */
export function readDemoStack(text: string): { stack?: DemoStack; error?: DemoStackError } {
  const { root, error } = parseYamlTree(text);
  if (!root)
    return { error: { message: `yaml syntax: ${error?.message}`, ...at(error?.position) } };
  try {
    return { stack: readStack(root, demoNames()) };
  } catch (e) {
    if (e instanceof ShapeError) return { error: { message: e.message, ...at(e.position) } };
    throw e;
  }
}

function readStack(root: JsonNode, names: DemoNames): DemoStack {
  const m = readObject(root, "demo stack", TOP);
  const list = <T>(key: string, read: (n: JsonNode, where: string, names: DemoNames) => T): T[] => {
    const n = m.get(key);
    return n ? readArray(n, key).map((item, i) => read(item, `${key}[${i}]`, names)) : [];
  };
  const users = list("users", readUser);
  const roles = list("roles", readRole);
  const network = m.get("network");
  const fileSystem = m.get("fileSystem");
  const stack = {
    users,
    roles,
    ...optional("network", network ? readNetwork(network, names) : undefined),
    ...optional("fileSystem", fileSystem ? readFileSystem(fileSystem, names) : undefined),
  };
  const secrets = list("secrets", readSecret);
  const exports = m.get("exports");
  return {
    ...stack,
    secrets,
    exports: exports ? readExports(exports, names) : [],
    stacks: list("stacks", readAppStack),
  };
}
