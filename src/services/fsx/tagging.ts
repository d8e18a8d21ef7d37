/**
 * TagResource, UntagResource and ListTagsForResource on file systems by
 * ARN: an ARN that names no file system is `ResourceNotFound`; tags merge
 * by key (at most 50); ListTagsForResource pages with `MaxResults` and an
 * opaque `NextToken`.
 */
import type { ServiceContext } from "../context.js";
import { badRequest, resourceNotFound } from "./errors.js";
import {
  type Input,
  optionalInteger,
  optionalString,
  optionalStrings,
  requiredString,
} from "./input.js";
import { findByArn, saveFileSystem } from "./lookup.js";
import type { FsxFileSystem, FsxTag } from "./model.js";
import { mergeTags } from "./tags.js";

/**
 * The ARN of a tagging request.
 *
 * @example
 * readResourceArn({ ResourceARN: "arn:aws:fsx:…" }); // "arn:aws:fsx:…"
 */
export function readResourceArn(input: Input): string {
  return requiredString(input, "ResourceARN", 8, 512);
}

/**
 * The file system an ARN names, or `ResourceNotFound`.
 *
 * @example
 * taggedFileSystem(ctx, "arn:aws:fsx:us-east-1:000000000000:file-system/fs-0123456789abcdef0");
 */
export function taggedFileSystem(ctx: ServiceContext, arn: string): FsxFileSystem {
  const fs = findByArn(ctx, arn);
  if (!fs) throw resourceNotFound(arn);
  return fs;
}

/**
 * TagResource.
 *
 * @example
 * tagResource(ctx, arn, [{ Key: "team", Value: "files" }]); // {}
 */
export function tagResource(ctx: ServiceContext, arn: string, tags: readonly FsxTag[]): object {
  if (tags.length === 0) throw badRequest("`Tags` needs at least one tag");
  ctx.store.transaction(() => {
    const fs = taggedFileSystem(ctx, arn);
    saveFileSystem(ctx, { ...fs, tags: mergeTags(fs.tags, tags) });
  });
  return {};
}

/**
 * The `TagKeys` of an UntagResource request.
 *
 * @example
 * readTagKeys({ TagKeys: ["team"] }); // ["team"]
 */
export function readTagKeys(input: Input): string[] {
  const keys = optionalStrings(input, "TagKeys", 50) ?? [];
  if (keys.length === 0) throw badRequest("`TagKeys` needs at least one key");
  return keys;
}

/**
 * UntagResource.
 *
 * @example
 * untagResource(ctx, arn, ["team"]); // {}
 */
export function untagResource(ctx: ServiceContext, arn: string, keys: readonly string[]): object {
  ctx.store.transaction(() => {
    const fs = taggedFileSystem(ctx, arn);
    saveFileSystem(ctx, { ...fs, tags: fs.tags.filter((t) => !keys.includes(t.Key)) });
  });
  return {};
}

/**
 * ListTagsForResource.
 *
 * @example
 * listTags(ctx, arn, { MaxResults: 10 }); // { Tags: [ … ] }
 */
export function listTags(ctx: ServiceContext, arn: string, input: Input): object {
  const max = optionalInteger(input, "MaxResults", 1, 2147483647) ?? 2147483647;
  const token = optionalString(input, "NextToken", 1, 255);
  const start = token === undefined ? 0 : Number(/^tags:(\d+)$/.exec(token)?.[1] ?? Number.NaN);
  if (Number.isNaN(start)) throw badRequest("`NextToken` is not valid");
  const tags = taggedFileSystem(ctx, arn).tags;
  const end = start + max;
  return {
    Tags: tags.slice(start, end),
    ...(end < tags.length ? { NextToken: `tags:${end}` } : {}),
  };
}
