/**
 * What is known about one condition key: its types and whether it is
 * global, from the hand-written global list first, then the catalogue.
 */
import type { ActionCatalogue } from "./catalogue.js";
import { globalConditionKey } from "./global-condition-keys.js";

/** A condition key's documented types; `global` keys apply to every action. */
export interface KeyInfo {
  readonly types: readonly string[];
  readonly global: boolean;
}

/**
 * Looks a key up; undefined when neither the global list nor the catalogue
 * knows it.
 *
 * @example
 * keyInfo("aws:SourceIp"); // { types: ["IPAddress"], global: true }
 */
export function keyInfo(key: string, catalogue?: ActionCatalogue): KeyInfo | undefined {
  const global = globalConditionKey(key);
  if (global) return { types: global.types, global: true };
  const type = catalogue?.conditionKeyType(key);
  return type ? { types: [type], global: false } : undefined;
}
