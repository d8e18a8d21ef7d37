/**
 * `AWS::EFS::MountTarget`: CreateMountTarget (FileSystemId, SubnetId,
 * SecurityGroups, IpAddress). `Ref` is the mount target id; `Fn::GetAtt`
 * has `Id` and `IpAddress`.
 */
import { RECORD } from "../../efs/context.js";
import { fileSystemArn } from "../../efs/ids.js";
import { createMountTarget, deleteMountTarget } from "../../efs/mount-targets.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::EFS::MountTarget`.
 *
 * @example
 * EFS_MOUNT_TARGET.create(env, props).attributes.IpAddress; // "10.0.1.4"
 */
export const EFS_MOUNT_TARGET: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const fileSystemId = props.string("FileSystemId");
    const ipAddress = props.optionalString("IpAddress");
    const input = {
      fileSystemId,
      subnetId: props.string("SubnetId"),
      securityGroups: props.strings("SecurityGroups"),
      ...(ipAddress === undefined ? {} : { ipAddress }),
    };
    env.allow(
      "elasticfilesystem:CreateMountTarget",
      fileSystemArn(ctx.region, ctx.account, fileSystemId),
    );
    const target = createMountTarget(ctx, input);
    return {
      physicalId: target.mountTargetId,
      attributes: { Id: target.mountTargetId, IpAddress: target.ipAddress },
      undo: { mountTargetId: target.mountTargetId },
    };
  },
  remove(ctx, undo) {
    const id = undoString(undo, "mountTargetId");
    if (ctx.store.records.get(RECORD.mountTarget, id) !== undefined) deleteMountTarget(ctx, id);
  },
};
