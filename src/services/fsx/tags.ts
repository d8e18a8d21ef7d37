/**
 * FSx tags: read from a request (`Tags: [{Key, Value}]`, keys 1–128 and
 * values 0–256 characters, at most 50 per resource, keys starting with
 * `aws:` reserved), merged and removed as TagResource and UntagResource
 * do, and turned into the condition keys a policy can test
 * (`aws:ResourceTag/<k>`, and for requests `aws:RequestTag/<k>` and
 * `aws:TagKeys`).
 */
import type { ContextValue } from "../../engines/policy/request.js";
import { badRequest } from "./errors.js";
import { type Input, optionalObjects, requiredString } from "./input.js";
import type { FsxTag } from "./model.js";

/** At most 50 tags per resource (FSx API Tag). */
export const MAX_TAGS = 50;

/**
 * The `Tags` of a request (empty without them).
 *
 * @example
 * readTags({ Tags: [{ Key: "team", Value: "files" }] }); // [{ Key: "team", Value: "files" }]
 */
export function readTags(input: Input): FsxTag[] {
  const tags = (optionalObjects(input, "Tags", MAX_TAGS) ?? []).map((tag) => ({
    Key: requiredString(tag, "Key", 1, 128),
    Value: requiredString(tag, "Value", 0, 256),
  }));
  const reserved = tags.find((t) => t.Key.toLowerCase().startsWith("aws:"));
  if (reserved) throw badRequest(`tag key \`${reserved.Key}\` uses the reserved prefix \`aws:\``);
  return tags;
}

/**
 * `existing` with `added` set (a key present in both takes the new value).
 *
 * @example
 * mergeTags([{ Key: "a", Value: "1" }], [{ Key: "a", Value: "2" }]); // [{ Key: "a", Value: "2" }]
 */
export function mergeTags(existing: readonly FsxTag[], added: readonly FsxTag[]): FsxTag[] {
  const byKey = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const tag of added) byKey.set(tag.Key, tag.Value);
  if (byKey.size > MAX_TAGS) throw badRequest(`a resource can have at most ${MAX_TAGS} tags`);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

/**
 * Condition keys of a resource's tags.
 *
 * @example
 * resourceTagContext([{ Key: "team", Value: "files" }]); // { "aws:ResourceTag/team": "files" }
 */
export function resourceTagContext(tags: readonly FsxTag[]): Record<string, ContextValue> {
  return Object.fromEntries(tags.map((t) => [`aws:ResourceTag/${t.Key}`, t.Value]));
}

/**
 * Condition keys of the tags a request sets.
 *
 * @example
 * requestTagContext([{ Key: "team", Value: "files" }]); // { "aws:TagKeys": ["team"], "aws:RequestTag/team": "files" }
 */
export function requestTagContext(tags: readonly FsxTag[]): Record<string, ContextValue> {
  if (tags.length === 0) return {};
  const context: Record<string, ContextValue> = { "aws:TagKeys": tags.map((t) => t.Key) };
  for (const { Key, Value } of tags) context[`aws:RequestTag/${Key}`] = Value;
  return context;
}
