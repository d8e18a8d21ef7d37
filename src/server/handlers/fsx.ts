/**
 * FSx over JSON 1.1 (`AWSSimbaAPIService_v20180301.<Operation>`): each
 * operation reads its input while planning (a bad request is a 400 before
 * anything is authorized), plans one access ask (`fsx-access.ts`) and runs
 * the service's operation. Besides AWS's operations it answers
 * accesslab's stand-in for `Set-FSxSmbServerConfiguration`
 * (`AccesslabSetSmbServerConfiguration`, `AccesslabGetSmbServerConfiguration`).
 * Refusals are `AccessDeniedException`.
 */
import type { ContextValue } from "../../engines/policy/request.js";
import type { ServiceContext } from "../../services/context.js";
import { SET_SMB_CONFIGURATION_ACTION } from "../../services/fsx/assumptions.js";
import { createFileSystem, newFileSystemIdentity } from "../../services/fsx/create-file-system.js";
import { readCreateRequest } from "../../services/fsx/create-input.js";
import { deleteFileSystem, readDeleteRequest } from "../../services/fsx/delete-file-system.js";
import {
  describeFileSystems,
  readDescribeRequest,
} from "../../services/fsx/describe-file-systems.js";
import { accessDenied } from "../../services/fsx/errors.js";
import type { Input } from "../../services/fsx/input.js";
import { requiredString } from "../../services/fsx/input.js";
import { findByArn, getFileSystem } from "../../services/fsx/lookup.js";
import {
  readSetSmb,
  setSmbConfiguration,
  smbConfigurationShape,
} from "../../services/fsx/smb-settings.js";
import {
  listTags,
  readResourceArn,
  readTagKeys,
  tagResource,
  untagResource,
} from "../../services/fsx/tagging.js";
import { readTags, requestTagContext, resourceTagContext } from "../../services/fsx/tags.js";
import { fileSystemAsk } from "./fsx-access.js";
import { guarded } from "./handler.js";
import { type JsonOperation, type JsonTable, jsonBinding } from "./json-binding.js";

const create: JsonOperation = (ctx, input) => {
  const request = readCreateRequest(input);
  const identity = newFileSystemIdentity(ctx);
  const ask = {
    action: "fsx:CreateFileSystem",
    resource: identity.resourceArn,
    context: requestTagContext(request.tags),
  };
  return guarded(ask, () => createFileSystem(ctx, request, identity));
};

const describe: JsonOperation = (ctx, input) => {
  const request = readDescribeRequest(input);
  return guarded({ action: "fsx:DescribeFileSystems", resource: "*" }, () =>
    describeFileSystems(ctx, request),
  );
};

const remove: JsonOperation = (ctx, input) => {
  const request = readDeleteRequest(input);
  return guarded(fileSystemAsk(ctx, "fsx:DeleteFileSystem", request.fileSystemId), () =>
    deleteFileSystem(ctx, request),
  );
};

/** An operation on the file system a `ResourceARN` names; `read` checks the rest of the input. */
function onArn<T>(
  action: string,
  read: (input: Input) => T,
  run: (ctx: ServiceContext, arn: string, request: T, input: Input) => object,
  extra: (request: T) => Record<string, ContextValue> = () => ({}),
): JsonOperation {
  return (ctx, input) => {
    const arn = readResourceArn(input);
    const request = read(input);
    const found = findByArn(ctx, arn);
    const ask = {
      action,
      resource: arn,
      context: { ...(found ? resourceTagContext(found.tags) : {}), ...extra(request) },
    };
    return guarded(ask, () => run(ctx, arn, request, input));
  };
}

const smbSet: JsonOperation = (ctx, input) => {
  const request = readSetSmb(input);
  return guarded(fileSystemAsk(ctx, SET_SMB_CONFIGURATION_ACTION, request.fileSystemId), () =>
    setSmbConfiguration(ctx, request),
  );
};

const smbGet: JsonOperation = (ctx, input) => {
  const id = requiredString(input, "FileSystemId", 11, 21);
  return guarded(fileSystemAsk(ctx, "fsx:DescribeFileSystems", id), () =>
    smbConfigurationShape(id, getFileSystem(ctx, id).smbEncryption),
  );
};

/**
 * FSx's operations by name.
 *
 * @example
 * FSX_OPERATIONS.DescribeFileSystems?.(ctx, {}, call).access[0]?.action; // "fsx:DescribeFileSystems"
 */
export const FSX_OPERATIONS: JsonTable = {
  CreateFileSystem: create,
  DescribeFileSystems: describe,
  DeleteFileSystem: remove,
  TagResource: onArn(
    "fsx:TagResource",
    readTags,
    (ctx, arn, tags) => tagResource(ctx, arn, tags),
    requestTagContext,
  ),
  UntagResource: onArn(
    "fsx:UntagResource",
    readTagKeys,
    (ctx, arn, keys) => untagResource(ctx, arn, keys),
    (keys) => ({ "aws:TagKeys": keys }),
  ),
  ListTagsForResource: onArn(
    "fsx:ListTagsForResource",
    () => undefined,
    (ctx, arn, _r, input) => listTags(ctx, arn, input),
  ),
  AccesslabSetSmbServerConfiguration: smbSet,
  AccesslabGetSmbServerConfiguration: smbGet,
};

/**
 * FSx as a binding of the chain.
 *
 * @example
 * SERVICE_BINDINGS.fsx = FSX_BINDING;
 */
export const FSX_BINDING = jsonBinding(FSX_OPERATIONS, accessDenied);
