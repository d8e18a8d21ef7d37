/**
 * Reading an access point's `posixUser` (uid, gid, secondaryGids) and
 * `rootDirectory` (path, and the `creationInfo` owner and permissions EFS
 * creates it with) from a positioned JSON or YAML tree, for the files that
 * describe access points (lab scenarios, the demo stack). A bad field
 * throws `ShapeError` with its position.
 */
import {
  readArray,
  readInteger,
  readObject,
  readString,
  ShapeError,
} from "../../formats/json-read.js";
import type { JsonNode } from "../../formats/json-tree.js";
import { optional } from "../../formats/optional.js";
import type { PosixUser, RootDirectory } from "./model.js";

/** The largest POSIX id EFS accepts. */
const MAX_ID = 4_294_967_295;

/**
 * A `posixUser` block.
 *
 * @example
 * readPosixUserNode(node, "accessPoints[0].posixUser"); // { uid: 1000, gid: 1000 }
 */
export function readPosixUserNode(node: JsonNode, where: string): PosixUser {
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

/**
 * A `rootDirectory` block; `creationInfo`, when present, needs all three fields.
 *
 * @example
 * readRootDirectoryNode(node, "accessPoints[0].rootDirectory"); // { path: "/app", creationInfo: {…} }
 */
export function readRootDirectoryNode(node: JsonNode, where: string): RootDirectory {
  const m = readObject(node, where, ["path", "creationInfo"]);
  const pathNode = m.get("path");
  if (!pathNode) throw new ShapeError(`${where} has no \`path\``, node.position);
  const path = readString(pathNode, `${where}.path`);
  const info = m.get("creationInfo");
  if (!info) return { path };
  const c = readObject(info, `${where}.creationInfo`, ["ownerUid", "ownerGid", "permissions"]);
  const field = (key: string) => {
    const n = c.get(key);
    if (!n)
      throw new ShapeError(
        `${where}.creationInfo has no \`${key}\` (all three fields are required)`,
        info.position,
      );
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
          : readString(permissions, `${where}.creationInfo.permissions`),
    },
  };
}
