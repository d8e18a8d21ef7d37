/**
 * UUIDs drawn from the context's random source (so tests stay
 * deterministic): the 8-4-4-4-12 hex layout of 16 random bytes, as AWS
 * shows stack, change set and request ids, and version 4 UUIDs (version
 * and variant bits set) where AWS hands out those (Lambda revision ids,
 * ECS container credentials ids).
 */

/**
 * 16 random bytes in UUID layout.
 *
 * @example
 * randomUuid((n) => new Uint8Array(n).fill(0xab)); // "abababab-abab-abab-abab-abababababab"
 */
export function randomUuid(random: (length: number) => Uint8Array): string {
  return uuidText(random(16));
}

/**
 * A version 4 UUID.
 *
 * @example
 * randomUuidV4((n) => new Uint8Array(n)); // "00000000-0000-4000-8000-000000000000"
 */
export function randomUuidV4(random: (length: number) => Uint8Array): string {
  const b = Uint8Array.from(random(16)); // a copy: never write into the source's bytes
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  return uuidText(b);
}

function uuidText(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
