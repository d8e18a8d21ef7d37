/**
 * Secret tags: read from a request (`Tags: [{Key, Value}]`, keys 1–128 and
 * values 0–256 characters, at most 50) and turned into the condition keys
 * a policy can test (`aws:ResourceTag/<k>`, `secretsmanager:ResourceTag/<k>`,
 * and on create `aws:RequestTag/<k>` and `aws:TagKeys`).
 */
import type { ContextValue } from "../../engines/policy/request.js";
import { invalidParameter } from "./errors.js";
import { type Input, optionalObjects, requiredString } from "./input.js";
import type { SecretTag } from "./model.js";

const MAX_TAGS = 50;

/**
 * The `Tags` of a request (empty without them).
 *
 * @example
 * readTags({ Tags: [{ Key: "team", Value: "db" }] }); // [{ Key: "team", Value: "db" }]
 */
export function readTags(input: Input): SecretTag[] {
  const tags = optionalObjects(input, "Tags") ?? [];
  if (tags.length > MAX_TAGS) throw invalidParameter(`a secret can have at most ${MAX_TAGS} tags`);
  return tags.map((tag) => ({
    Key: requiredString(tag, "Key", 1, 128),
    Value: requiredString(tag, "Value", 0, 256),
  }));
}

/**
 * Condition keys of a secret's existing tags.
 *
 * @example
 * resourceTagContext([{ Key: "team", Value: "db" }]); // { "aws:ResourceTag/team": "db", "secretsmanager:ResourceTag/team": "db" }
 */
export function resourceTagContext(tags: readonly SecretTag[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const { Key, Value } of tags) {
    context[`aws:ResourceTag/${Key}`] = Value;
    context[`secretsmanager:ResourceTag/${Key}`] = Value;
  }
  return context;
}

/**
 * Condition keys of the tags a request sets.
 *
 * @example
 * requestTagContext([{ Key: "team", Value: "db" }]); // { "aws:RequestTag/team": "db", "aws:TagKeys": ["team"] }
 */
export function requestTagContext(tags: readonly SecretTag[]): Record<string, ContextValue> {
  if (tags.length === 0) return {};
  const context: Record<string, ContextValue> = { "aws:TagKeys": tags.map((t) => t.Key) };
  for (const { Key, Value } of tags) context[`aws:RequestTag/${Key}`] = Value;
  return context;
}
