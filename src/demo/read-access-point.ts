/**
 * Reading one access point of the demo's file system: its name, an
 * optional `posixUser` (uid, gid, secondaryGids) every request through it
 * is made as, and an optional `rootDirectory` (path, and the
 * `creationInfo` owner and permissions EFS creates it with).
 */
import { readObject } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import { readPosixUserNode, readRootDirectoryNode } from "../services/efs/access-point-fields.js";
import type { DemoAccessPoint } from "./model.js";
import type { DemoNames } from "./names.js";
import { requiredString } from "./read-fields.js";

/**
 * One `fileSystem.accessPoints[i]` entry.
 *
 * @example
 * readAccessPoint(node, "fileSystem.accessPoints[0]", names).posixUser; // { uid: 1000, gid: 1000 }
 */
export function readAccessPoint(node: JsonNode, where: string, names: DemoNames): DemoAccessPoint {
  const m = readObject(node, where, ["name", "posixUser", "rootDirectory"]);
  const name = requiredString(m, "name", where, node);
  names.declare(name, "access point", m.get("name")?.position);
  const posix = m.get("posixUser");
  const root = m.get("rootDirectory");
  return {
    name,
    ...optional("posixUser", posix ? readPosixUserNode(posix, `${where}.posixUser`) : undefined),
    ...optional(
      "rootDirectory",
      root ? readRootDirectoryNode(root, `${where}.rootDirectory`) : undefined,
    ),
    ...at(node.position),
  };
}
