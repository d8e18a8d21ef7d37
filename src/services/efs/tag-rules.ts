/**
 * The rules EFS tags follow: keys are 1 to 128 characters and may not start
 * with `aws:`, values at most 256 characters, no key twice, at most 50 tags
 * per resource (EFS API `Tag`; AWS tagging limits). The `Name` tag is also
 * the resource's Name, as EFS reports it.
 */
import { badRequest } from "./errors.js";
import type { EfsTag } from "./model.js";

/** At most this many tags on one resource. */
export const TAG_LIMIT = 50;

/**
 * Checks tags given in a request: shape limits and no key twice.
 *
 * @example
 * checkTags([{ key: "team", value: "data" }]); // no throw
 */
export function checkTags(tags: readonly EfsTag[]): void {
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if (key.length < 1 || key.length > 128)
      throw badRequest(`tag key \`${key}\` must be 1 to 128 characters`);
    if (key.toLowerCase().startsWith("aws:"))
      throw badRequest(`tag key \`${key}\` uses the reserved prefix \`aws:\``);
    if (value.length > 256) throw badRequest(`the value of tag \`${key}\` is over 256 characters`);
    if (seen.has(key)) throw badRequest(`tag key \`${key}\` is given more than once`);
    seen.add(key);
  }
  if (tags.length > TAG_LIMIT) throw badRequest(`at most ${TAG_LIMIT} tags are allowed`);
}

/**
 * The fields a tag list sets on a resource: tags, and Name from the `Name` tag.
 *
 * @example
 * tagFields([{ key: "Name", value: "data" }]); // { tags: [...], name: "data" }
 */
export function tagFields(tags: readonly EfsTag[]): { tags: readonly EfsTag[]; name?: string } {
  const name = tags.find((t) => t.key === "Name")?.value;
  return name === undefined ? { tags } : { tags, name };
}
