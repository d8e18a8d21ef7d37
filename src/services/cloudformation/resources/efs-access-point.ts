/**
 * `AWS::EFS::AccessPoint`: CreateAccessPoint (FileSystemId, PosixUser with
 * Uid/Gid/SecondaryGids and RootDirectory with Path and CreationInfo
 * OwnerUid/OwnerGid/Permissions, all given as strings in templates,
 * aws-facts A13; AccessPointTags). `Ref` is the access point id;
 * `Fn::GetAtt` has `AccessPointId` and `Arn`.
 */

import { RECORD } from "../../efs/context.js";
import { createAccessPoint, deleteAccessPoint } from "../../efs/control-plane.js";
import { fileSystemArn } from "../../efs/ids.js";
import type { PosixUser, RootDirectory } from "../../efs/model.js";
import type { PropertyReader } from "../properties.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::EFS::AccessPoint`.
 *
 * @example
 * EFS_ACCESS_POINT.create(env, props).attributes.Arn; // "arn:aws:elasticfilesystem:…:access-point/fsap-…"
 */
export const EFS_ACCESS_POINT: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const fileSystemId = props.string("FileSystemId");
    const posix = props.object("PosixUser");
    const root = props.object("RootDirectory");
    const tags = props.tags("AccessPointTags");
    const name = tags.find((t) => t.key === "Name")?.value;
    const input = {
      fileSystemId,
      tags,
      ...(posix ? { posixUser: posixUser(props.nested(posix)) } : {}),
      ...(root ? { rootDirectory: rootDirectory(props.nested(root)) } : {}),
      ...(name === undefined ? {} : { name }),
    };
    env.allow(
      "elasticfilesystem:CreateAccessPoint",
      fileSystemArn(ctx.region, ctx.account, fileSystemId),
    );
    const ap = createAccessPoint(ctx, input);
    return {
      physicalId: ap.accessPointId,
      attributes: { AccessPointId: ap.accessPointId, Arn: ap.accessPointArn },
      undo: { accessPointId: ap.accessPointId },
    };
  },
  remove(ctx, undo) {
    const id = undoString(undo, "accessPointId");
    if (ctx.store.records.get(RECORD.accessPoint, id) !== undefined) deleteAccessPoint(ctx, id);
  },
};

function posixUser(p: PropertyReader): PosixUser {
  const secondary = p.numbers("SecondaryGids");
  return {
    uid: p.number("Uid"),
    gid: p.number("Gid"),
    ...(secondary.length > 0 ? { secondaryGids: secondary } : {}),
  };
}

function rootDirectory(r: PropertyReader): RootDirectory {
  const info = r.object("CreationInfo");
  const c = info ? r.nested(info) : undefined;
  return {
    path: r.optionalString("Path") ?? "/",
    ...(c
      ? {
          creationInfo: {
            ownerUid: c.number("OwnerUid"),
            ownerGid: c.number("OwnerGid"),
            permissions: c.string("Permissions"),
          },
        }
      : {}),
  };
}
