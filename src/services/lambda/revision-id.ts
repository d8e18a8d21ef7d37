/**
 * A function's RevisionId: a UUID that changes with every change to the
 * function, drawn from the injected random source so tests stay
 * deterministic.
 */
import { randomUuidV4 } from "../uuid.js";

/**
 * A new revision id (a version 4 UUID).
 *
 * @example
 * newRevisionId((n) => new Uint8Array(n)); // "00000000-0000-4000-8000-000000000000"
 */
export function newRevisionId(random: (length: number) => Uint8Array): string {
  return randomUuidV4(random);
}
