/**
 * `AWS::EFS::FileSystem`: CreateFileSystem (a creation token made from the
 * stack and logical id, Encrypted, KmsKeyId, PerformanceMode,
 * ThroughputMode, ProvisionedThroughputInMibps, FileSystemTags), then its
 * `FileSystemPolicy` (PutFileSystemPolicy), each authorized. `Ref` is the
 * file system id; `Fn::GetAtt` has `FileSystemId` and `Arn`.
 */

import { RECORD } from "../../efs/context.js";
import {
  createFileSystem,
  deleteFileSystem,
  putFileSystemPolicy,
} from "../../efs/control-plane.js";
import { present } from "../properties.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::EFS::FileSystem`.
 *
 * @example
 * EFS_FILE_SYSTEM.create(env, props).attributes.Arn; // "arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-…"
 */
export const EFS_FILE_SYSTEM: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const options = {
      creationToken: `${env.stackName}-${env.logicalId}`.slice(0, 64),
      ...present("encrypted", props.optionalBoolean("Encrypted")),
      ...present("kmsKeyId", props.optionalString("KmsKeyId")),
      ...present("performanceMode", props.optionalString("PerformanceMode")),
      ...present("throughputMode", props.optionalString("ThroughputMode")),
      ...present(
        "provisionedThroughputInMibps",
        props.optionalNumber("ProvisionedThroughputInMibps"),
      ),
      tags: props.tags("FileSystemTags"),
    };
    const policy =
      props.value("FileSystemPolicy") === undefined ? undefined : props.policy("FileSystemPolicy");
    env.allow(
      "elasticfilesystem:CreateFileSystem",
      `arn:aws:elasticfilesystem:${ctx.region}:${ctx.account}:file-system/*`,
    );
    const fs = createFileSystem(ctx, options);
    try {
      if (policy !== undefined) {
        env.allow("elasticfilesystem:PutFileSystemPolicy", fs.arn);
        putFileSystemPolicy(ctx, fs.fileSystemId, policy);
      }
    } catch (error) {
      deleteFileSystem(ctx, fs.fileSystemId);
      throw error;
    }
    return {
      physicalId: fs.fileSystemId,
      attributes: { FileSystemId: fs.fileSystemId, Arn: fs.arn },
      undo: { fileSystemId: fs.fileSystemId },
    };
  },
  remove(ctx, undo) {
    const id = undoString(undo, "fileSystemId");
    if (ctx.store.records.get(RECORD.fileSystem, id) !== undefined) deleteFileSystem(ctx, id);
  },
};
