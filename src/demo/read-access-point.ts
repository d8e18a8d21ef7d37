/**
 * Reading one access point of the demo's file system: its name, an
 * optional `posixUser` (uid, gid, secondaryGids) every request through it
 * is made as, and an optional `rootDirectory` (path, and the
 * `creationInfo` owner and permissions EFS creates it with).
 */
import { readArray, readInteger, readObject, ShapeError } from "../formats/json-read.js";
import type { JsonNode } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { PosixUser, RootDirectory } from "../services/efs/model.js";
import type { DemoAccessPoint } from "./model.js";
import type { DemoNames } from "./names.js";
import { requiredString } from "./read-fields.js";

const MAX_ID = 4_294_967_295;

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
    ...optional("posixUser", posix ? readPosixUser(posix, `${where}.posixUser`) : undefined),
    ...optional(
      "rootDirectory",
      root ? readRootDirectory(root, `${where}.rootDirectory`) : undefined,
    ),
    ...at(node.position),
  };
}

function readPosixUser(node: JsonNode, where: string): PosixUser {
  const m = readObject(node, where, ["uid", "gid", "secondaryGids"]);
  const id = (key: string) => {
    const n = m.get(key);
    if (!n) throw new ShapeError(`${where} has no \`${key}\``, node.position);
    return readInteger(n, `${where}.${key}`, 0, MAX_ID);
  };
  const secondary = m.get("secondaryGids");
  return {
    uid: id("uid"),
    gid: id("gid"),
    ...optional(
      "secondaryGids",
      secondary
        ? readArray(secondary, `${where}.secondaryGids`).map((g, i) =>
            readInteger(g, `${where}.secondaryGids[${i}]`, 0, MAX_ID),
          )
        : undefined,
    ),
  };
}

function readRootDirectory(node: JsonNode, where: string): RootDirectory {
  const m = readObject(node, where, ["path", "creationInfo"]);
  const path = requiredString(m, "path", where, node);
  const info = m.get("creationInfo");
  if (!info) return { path };
  const c = readObject(info, `${where}.creationInfo`, ["ownerUid", "ownerGid", "permissions"]);
  const field = (key: string) => {
    const n = c.get(key);
    if (!n) throw new ShapeError(`${where}.creationInfo has no \`${key}\``, info.position);
    return n;
  };
  const permissions = field("permissions");
  return {
    path,
    creationInfo: {
      ownerUid: readInteger(field("ownerUid"), `${where}.creationInfo.ownerUid`, 0, MAX_ID),
      ownerGid: readInteger(field("ownerGid"), `${where}.creationInfo.ownerGid`, 0, MAX_ID),
      permissions:
        permissions.kind === "number"
          ? String(permissions.value)
          : requiredString(c, "permissions", `${where}.creationInfo`, info),
    },
  };
}
