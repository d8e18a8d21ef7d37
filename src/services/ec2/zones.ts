/**
 * Availability Zones of the emulator's region: names (`us-east-1a`) and ids
 * (`use1-az1`), resolved from either, with the fixed letter-to-id mapping in
 * assumptions.ts. An unknown zone is `InvalidParameterValue`.
 */
import { DEFAULT_ZONE_LETTER, REGION_SHORT_CODES, ZONE_LETTERS } from "./assumptions.js";
import { invalidParameterValue } from "./errors.js";

/** A zone by name and id. */
export interface Zone {
  readonly name: string;
  readonly id: string;
}

function shortCode(region: string): string {
  return REGION_SHORT_CODES[region] ?? region.replace(/-/g, "");
}

/**
 * The zones of a region.
 *
 * @example
 * zonesOf("us-east-1")[0]; // { name: "us-east-1a", id: "use1-az1" }
 */
export function zonesOf(region: string): Zone[] {
  return ZONE_LETTERS.map((letter, i) => ({
    name: `${region}${letter}`,
    id: `${shortCode(region)}-az${i + 1}`,
  }));
}

/**
 * The zone a subnet asks for by name or id (the default zone when neither is given).
 *
 * @example
 * resolveZone("us-east-1", { zoneId: "use1-az2" }).name; // "us-east-1b"
 */
export function resolveZone(region: string, ask: { name?: string; zoneId?: string }): Zone {
  const zones = zonesOf(region);
  if (ask.name !== undefined) {
    const zone = zones.find((z) => z.name === ask.name);
    if (!zone)
      throw invalidParameterValue(
        `Value (${ask.name}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.map((z) => z.name).join(", ")}.`,
      );
    if (ask.zoneId !== undefined && ask.zoneId !== zone.id) {
      throw invalidParameterValue(
        `availability zone \`${ask.name}\` and availability zone id \`${ask.zoneId}\` disagree`,
      );
    }
    return zone;
  }
  if (ask.zoneId !== undefined) {
    const zone = zones.find((z) => z.id === ask.zoneId);
    if (!zone)
      throw invalidParameterValue(
        `Value (${ask.zoneId}) for parameter availabilityZoneId is invalid.`,
      );
    return zone;
  }
  return zones.find((z) => z.name === `${region}${DEFAULT_ZONE_LETTER}`) as Zone;
}
