/**
 * The EFS file system policy and tagging operations over rest-json:
 * PutFileSystemPolicy (validated by the policy engine; refused with
 * `InvalidPolicyException` naming the line and column; the lockout safety
 * check flag is accepted), DescribeFileSystemPolicy (`PolicyNotFound`
 * while the default policy is in effect), DeleteFileSystemPolicy (200),
 * and TagResource / UntagResource / ListTagsForResource on a file system
 * or access point, by id or ARN.
 */
import { DEFAULT_PAGE_SIZE } from "../../services/efs/assumptions.js";
import type { EfsContext } from "../../services/efs/context.js";
import {
  deleteFileSystemPolicy,
  describeFileSystemPolicy,
  putFileSystemPolicy,
} from "../../services/efs/control-plane.js";
import { badRequest } from "../../services/efs/errors.js";
import { listTags, taggedId, tagResource, untagResource } from "../../services/efs/tags.js";
import { accessPointAsk, fileSystemAsk, requestTagContext } from "./efs-access.js";
import { bodyFlag, bodyTags, efsId, pageSize, queryText, requiredText } from "./efs-input.js";
import { wireTags } from "./efs-shapes.js";
import { type AccessAsk, guarded } from "./handler.js";
import type { RestInput, RestOperation } from "./rest-binding.js";

const POLICY = "/2015-02-01/file-systems/{FileSystemId}/policy";
const RESOURCE_TAGS = "/2015-02-01/resource-tags/{ResourceId}";

function fileSystemLabel(input: RestInput): string {
  return efsId("fs", input.labels.FileSystemId ?? "", "fileSystemId");
}

function tagAsk(
  ctx: EfsContext,
  operation: string,
  resourceId: string,
  context: Readonly<Record<string, string | readonly string[]>> = {},
): AccessAsk {
  const id = taggedId(resourceId);
  return id.startsWith("fsap-")
    ? accessPointAsk(ctx, operation, id, context)
    : fileSystemAsk(ctx, operation, id, context);
}

function tagKeys(input: RestInput): string[] {
  const raw = input.query.tagKeys;
  const keys = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (keys.length === 0) throw badRequest("TagKeys is required");
  return keys;
}

/**
 * The policy and tag operations.
 *
 * @example
 * restBinding([...POLICY_AND_TAG_OPERATIONS], accessDenied);
 */
export const POLICY_AND_TAG_OPERATIONS: readonly RestOperation[] = [
  {
    name: "PutFileSystemPolicy",
    method: "PUT",
    path: POLICY,
    plan(ctx, input) {
      const id = fileSystemLabel(input);
      const policy = requiredText(input.body, "Policy");
      bodyFlag(input.body, "BypassPolicyLockoutSafetyCheck");
      return guarded(fileSystemAsk(ctx, "PutFileSystemPolicy", id), () => {
        const fs = putFileSystemPolicy(ctx, id, policy);
        return { FileSystemId: fs.fileSystemId, Policy: fs.policy };
      });
    },
  },
  {
    name: "DescribeFileSystemPolicy",
    method: "GET",
    path: POLICY,
    plan(ctx, input) {
      const id = fileSystemLabel(input);
      return guarded(fileSystemAsk(ctx, "DescribeFileSystemPolicy", id), () => ({
        FileSystemId: id,
        Policy: describeFileSystemPolicy(ctx, id),
      }));
    },
  },
  {
    name: "DeleteFileSystemPolicy",
    method: "DELETE",
    path: POLICY,
    plan(ctx, input) {
      const id = fileSystemLabel(input);
      return guarded(fileSystemAsk(ctx, "DeleteFileSystemPolicy", id), () => {
        deleteFileSystemPolicy(ctx, id);
        return undefined;
      });
    },
  },
  {
    name: "TagResource",
    method: "POST",
    path: RESOURCE_TAGS,
    plan(ctx, input) {
      const resourceId = input.labels.ResourceId ?? "";
      const tags = bodyTags(input.body);
      if (tags.length === 0) throw badRequest("Tags must hold at least one tag");
      return guarded(tagAsk(ctx, "TagResource", resourceId, requestTagContext(tags)), () => {
        tagResource(ctx, resourceId, tags);
        return undefined;
      });
    },
  },
  {
    name: "UntagResource",
    method: "DELETE",
    path: RESOURCE_TAGS,
    plan(ctx, input) {
      const resourceId = input.labels.ResourceId ?? "";
      const keys = tagKeys(input);
      return guarded(tagAsk(ctx, "UntagResource", resourceId, { "aws:TagKeys": keys }), () => {
        untagResource(ctx, resourceId, keys);
        return undefined;
      });
    },
  },
  {
    name: "ListTagsForResource",
    method: "GET",
    path: RESOURCE_TAGS,
    plan(ctx, input) {
      const resourceId = input.labels.ResourceId ?? "";
      const max = pageSize(input, "MaxResults", DEFAULT_PAGE_SIZE.tags);
      const token = queryText(input, "NextToken");
      return guarded(tagAsk(ctx, "ListTagsForResource", resourceId), () => {
        const tags = listTags(ctx, resourceId);
        const start = token === undefined ? 0 : Number(token);
        if (!Number.isInteger(start) || start < 0 || start > tags.length)
          throw badRequest(`NextToken \`${token}\` is not valid`);
        const page = tags.slice(start, start + max);
        const next = start + max < tags.length ? String(start + max) : undefined;
        return { Tags: wireTags(page), ...(next !== undefined ? { NextToken: next } : {}) };
      });
    },
  },
];
