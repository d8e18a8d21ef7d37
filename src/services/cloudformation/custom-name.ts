/**
 * Whether a modified resource is custom-named: its type has a name
 * property (see assumptions.ts), the new template sets it, and it is the
 * name the resource has now. Such a resource cannot be replaced, since the
 * new one would need the name the old one still holds until cleanup.
 */
import type { ResolvedValue } from "../../templates/model.js";
import { CUSTOM_NAME_PROPERTIES } from "./assumptions.js";
import type { StackResource } from "./model.js";

/**
 * The name that blocks replacing `current` with `next` properties, if any.
 *
 * @example
 * keptCustomName(role, { RoleName: "app-fn", … }); // "app-fn"
 */
export function keptCustomName(
  current: StackResource,
  next: { readonly [key: string]: ResolvedValue },
): string | undefined {
  const property = Object.hasOwn(CUSTOM_NAME_PROPERTIES, current.type)
    ? CUSTOM_NAME_PROPERTIES[current.type]
    : undefined;
  if (property === undefined || current.properties === undefined) return undefined;
  const name = next[property];
  if (typeof name !== "string") return undefined;
  const before = (JSON.parse(current.properties) as Record<string, ResolvedValue>)[property];
  return before === name ? name : undefined;
}
