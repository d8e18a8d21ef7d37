/**
 * A resource's resolved properties as canonical JSON: object keys sorted
 * at every depth, so two resolutions of the same properties give the same
 * text whatever order the template wrote them in. The deployer keeps it
 * on each resource it creates; an update compares it with the new
 * template's properties, resolved against the stack's resources, to tell
 * an unchanged resource from a modified one.
 */
import type { ResolvedValue } from "../../templates/model.js";

/**
 * The canonical JSON of resolved properties.
 *
 * @example
 * fingerprint({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function fingerprint(properties: { readonly [key: string]: ResolvedValue }): string {
  return JSON.stringify(sorted(properties));
}

function sorted(value: ResolvedValue): ResolvedValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sorted);
  const entries = Object.entries(value as Record<string, ResolvedValue>);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sorted(v)]));
}
