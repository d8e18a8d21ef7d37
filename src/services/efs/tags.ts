/**
 * EFS resource tags on file systems and access points: TagResource,
 * UntagResource and ListTagsForResource, by id or ARN. The rules a tag list
 * must meet are in tag-rules.ts.
 */
import { type EfsContext, RECORD } from "./context.js";
import { getAccessPoint, getFileSystem } from "./control-plane.js";
import { badRequest } from "./errors.js";
import type { EfsTag } from "./model.js";
import { checkTags, TAG_LIMIT, tagFields } from "./tag-rules.js";

const RESOURCE_ID =
  /^(?:arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:(?:access-point|file-system)\/)?(fs(?:ap)?-[0-9a-f]{8,40})$/;

/**
 * The file system or access point id a ResourceId (id or ARN) names.
 *
 * @example
 * taggedId("arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-0123456789abcdef0");
 * // "fs-0123456789abcdef0"
 */
export function taggedId(resourceId: string): string {
  const id = RESOURCE_ID.exec(resourceId)?.[1];
  if (id === undefined) throw badRequest(`resource id \`${resourceId}\` is not valid`);
  return id;
}

/**
 * The tags of a file system or access point.
 *
 * @example
 * listTags(ctx, "fs-0123456789abcdef0"); // [{ key: "Name", value: "data" }]
 */
export function listTags(ctx: EfsContext, resourceId: string): readonly EfsTag[] {
  const id = taggedId(resourceId);
  return (id.startsWith("fsap-") ? getAccessPoint(ctx, id) : getFileSystem(ctx, id)).tags ?? [];
}

/**
 * TagResource: adds tags, replacing the values of keys already present.
 *
 * @example
 * tagResource(ctx, "fs-0123456789abcdef0", [{ key: "env", value: "dev" }]);
 */
export function tagResource(ctx: EfsContext, resourceId: string, tags: readonly EfsTag[]): void {
  checkTags(tags);
  retag(ctx, resourceId, (old) => [
    ...old.filter((t) => !tags.some((n) => n.key === t.key)),
    ...tags,
  ]);
}

/**
 * UntagResource: removes the tags with these keys (absent keys are ignored).
 *
 * @example
 * untagResource(ctx, "fs-0123456789abcdef0", ["env"]);
 */
export function untagResource(ctx: EfsContext, resourceId: string, keys: readonly string[]): void {
  if (keys.length === 0) throw badRequest("TagKeys must name at least one key");
  retag(ctx, resourceId, (old) => old.filter((t) => !keys.includes(t.key)));
}

function retag(
  ctx: EfsContext,
  resourceId: string,
  change: (old: readonly EfsTag[]) => EfsTag[],
): void {
  const id = taggedId(resourceId);
  ctx.store.transaction(() => {
    const kind = id.startsWith("fsap-") ? RECORD.accessPoint : RECORD.fileSystem;
    const {
      tags = [],
      name: _name,
      ...rest
    } = id.startsWith("fsap-") ? getAccessPoint(ctx, id) : getFileSystem(ctx, id);
    const next = change(tags);
    if (next.length > TAG_LIMIT) throw badRequest(`at most ${TAG_LIMIT} tags are allowed`);
    ctx.store.records.put(kind, id, { ...rest, ...tagFields(next) });
  });
}
