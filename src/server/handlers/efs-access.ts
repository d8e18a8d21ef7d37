/**
 * What each EFS operation asks the policy engine: `elasticfilesystem:<Op>`
 * on the file system's or access point's ARN (or `*` for a create or an
 * unfiltered describe). When the file system exists and has a policy, that
 * policy goes along as the resource policy; an existing resource's tags are
 * `aws:ResourceTag/<key>`, and tags in the request are `aws:RequestTag/<key>`
 * plus `aws:TagKeys`. A resource that does not exist is still asked about
 * (by the ARN it would have), so a caller without permission learns nothing
 * and a permitted one then gets the NotFound error.
 */
import type { ContextValue } from "../../engines/policy/request.js";
import type { EfsContext } from "../../services/efs/context.js";
import { RECORD } from "../../services/efs/context.js";
import { accessPointArn, fileSystemArn } from "../../services/efs/ids.js";
import type { AccessPoint, EfsTag, FileSystem } from "../../services/efs/model.js";
import { fileSystemPolicy } from "../../services/efs/mount-authorize.js";
import type { AccessAsk } from "./handler.js";

type Context = Readonly<Record<string, ContextValue>>;

/**
 * The request-tag context keys for tags a call sets.
 *
 * @example
 * requestTagContext([{ key: "team", value: "data" }]);
 * // { "aws:RequestTag/team": "data", "aws:TagKeys": ["team"] }
 */
export function requestTagContext(tags: readonly EfsTag[]): Context {
  if (tags.length === 0) return {};
  const context: Record<string, ContextValue> = { "aws:TagKeys": tags.map((t) => t.key) };
  for (const { key, value } of tags) context[`aws:RequestTag/${key}`] = value;
  return context;
}

/**
 * The ask for an action on a file system.
 *
 * @example
 * fileSystemAsk(ctx, "DeleteFileSystem", "fs-0123456789abcdef0").resource;
 * // "arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-0123456789abcdef0"
 */
export function fileSystemAsk(
  ctx: EfsContext,
  operation: string,
  fileSystemId: string,
  context: Context = {},
): AccessAsk {
  const fs = ctx.store.records.get<FileSystem>(RECORD.fileSystem, fileSystemId);
  return {
    action: `elasticfilesystem:${operation}`,
    resource: fs?.arn ?? fileSystemArn(ctx.region, ctx.account, fileSystemId),
    ...(fs?.policy !== undefined ? { resourcePolicy: fileSystemPolicy(fs) } : {}),
    context: { ...resourceTagContext(fs?.tags), ...context },
  };
}

/**
 * The ask for an action on an access point (its file system's policy goes along).
 *
 * @example
 * accessPointAsk(ctx, "DeleteAccessPoint", "fsap-0123456789abcdef0").action;
 * // "elasticfilesystem:DeleteAccessPoint"
 */
export function accessPointAsk(
  ctx: EfsContext,
  operation: string,
  accessPointId: string,
  context: Context = {},
): AccessAsk {
  const ap = ctx.store.records.get<AccessPoint>(RECORD.accessPoint, accessPointId);
  const fs = ap && ctx.store.records.get<FileSystem>(RECORD.fileSystem, ap.fileSystemId);
  return {
    action: `elasticfilesystem:${operation}`,
    resource: ap?.accessPointArn ?? accessPointArn(ctx.region, ctx.account, accessPointId),
    ...(fs?.policy !== undefined ? { resourcePolicy: fileSystemPolicy(fs) } : {}),
    context: { ...resourceTagContext(ap?.tags), ...context },
  };
}

/**
 * The ask for an action on no particular resource.
 *
 * @example
 * anyResourceAsk("CreateFileSystem").resource; // "*"
 */
export function anyResourceAsk(operation: string, context: Context = {}): AccessAsk {
  return { action: `elasticfilesystem:${operation}`, resource: "*", context };
}

function resourceTagContext(tags: readonly EfsTag[] | undefined): Context {
  const context: Record<string, ContextValue> = {};
  for (const { key, value } of tags ?? []) context[`aws:ResourceTag/${key}`] = value;
  return context;
}
