/**
 * EC2's Describe filters: each filter names a field (`vpc-id`,
 * `availability-zone`, `tag:<Key>`, …) and lists values; a resource
 * matches when, for every filter, one of its values for that field matches
 * one of the filter's values (`*` and `?` are wildcards, as EC2 allows).
 * Each resource kind says which fields it has; an unknown filter name is
 * refused with `InvalidParameterValue`.
 */
import { invalidFilter } from "./errors.js";
import type { Ec2Tag } from "./model.js";

/** One `Filter.N` of a Describe call. */
export interface Ec2Filter {
  readonly name: string;
  readonly values: readonly string[];
}

/** The values of one resource per filter field (fields it does not have are absent). */
export type FilterFields = Readonly<Record<string, readonly string[]>>;

/**
 * The filter fields every tagged resource has: `tag:<Key>`, `tag-key`, `tag-value`.
 *
 * @example
 * tagFields([{ key: "team", value: "a" }]); // { "tag:team": ["a"], "tag-key": ["team"], "tag-value": ["a"] }
 */
export function tagFields(tags: readonly Ec2Tag[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {
    "tag-key": tags.map((t) => t.key),
    "tag-value": tags.map((t) => t.value),
  };
  for (const tag of tags) fields[`tag:${tag.key}`] = [tag.value];
  return fields;
}

/**
 * Refuses filter names outside `known` (tag filters are always known).
 *
 * @example
 * checkFilterNames([{ name: "vpc-id", values: [] }], ["vpc-id"]);
 */
export function checkFilterNames(filters: readonly Ec2Filter[], known: readonly string[]): void {
  for (const filter of filters) {
    const tagged = filter.name.startsWith("tag:") || filter.name === "tag-key";
    if (!tagged && filter.name !== "tag-value" && !known.includes(filter.name)) {
      throw invalidFilter(filter.name);
    }
  }
}

/**
 * True when the resource's fields satisfy every filter.
 *
 * @example
 * matchesFilters({ "vpc-id": ["vpc-1"] }, [{ name: "vpc-id", values: ["vpc-*"] }]); // true
 */
export function matchesFilters(fields: FilterFields, filters: readonly Ec2Filter[]): boolean {
  return filters.every((filter) => {
    const have = fields[filter.name] ?? [];
    return filter.values.some((wanted) => have.some((value) => wildcardMatch(wanted, value)));
  });
}

function wildcardMatch(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "s").test(value);
}
