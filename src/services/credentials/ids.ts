/**
 * Identifiers the credentials endpoints hand out, drawn from the injected
 * random source: container credentials ids are uuids (version 4 layout, as
 * the ECS agent's), ECS task ids 32 hex digits, EC2 instance ids `i-` and 17
 * hex digits, authorization tokens 32 random bytes in base64url.
 */
import type { RandomBytes } from "../iam/ids.js";
import { randomUuidV4 } from "../uuid.js";

function hex(random: RandomBytes, bytes: number): string {
  return Array.from(random(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A version 4 uuid.
 *
 * @example
 * newCredentialsId(random); // "3f2b8c1e-7d4a-4b6e-9f10-2a3b4c5d6e7f"
 */
export function newCredentialsId(random: RandomBytes): string {
  return randomUuidV4(random);
}

/**
 * An ECS task id (32 hex digits).
 *
 * @example
 * newTaskId(random); // "a1b2c3d4e5f60718293a4b5c6d7e8f90"
 */
export function newTaskId(random: RandomBytes): string {
  return hex(random, 16);
}

/**
 * An EC2 instance id.
 *
 * @example
 * newInstanceId(random); // "i-0a1b2c3d4e5f67890"
 */
export function newInstanceId(random: RandomBytes): string {
  return `i-${hex(random, 9).slice(0, 17)}`;
}

/**
 * A container authorization token (43 base64url characters).
 *
 * @example
 * newAuthorizationToken(random).length; // 43
 */
export function newAuthorizationToken(random: RandomBytes): string {
  return Buffer.from(random(32)).toString("base64url");
}
