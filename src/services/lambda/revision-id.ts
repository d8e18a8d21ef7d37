/**
 * A function's RevisionId: a UUID that changes with every change to the
 * function, drawn from the injected random source so tests stay
 * deterministic.
 */

/**
 * A new revision id (a version 4 UUID).
 *
 * @example
 * newRevisionId((n) => new Uint8Array(n)); // "00000000-0000-4000-8000-000000000000"
 */
export function newRevisionId(random: (length: number) => Uint8Array): string {
  const b = random(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
