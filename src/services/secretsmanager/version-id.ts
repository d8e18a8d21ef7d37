/**
 * Version ids: the caller's `ClientRequestToken` (32 to 64 characters, the
 * idempotency token the SDK fills in with a UUID) or, without one, a fresh
 * UUID v4 from the context's random source.
 */
import type { ServiceContext } from "../context.js";
import { randomUuidV4 } from "../uuid.js";
import { type Input, optionalString } from "./input.js";

/**
 * The version id a call asks for, or a new one.
 *
 * @example
 * versionIdOf(ctx, { ClientRequestToken: "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1" });
 */
export function versionIdOf(ctx: ServiceContext, input: Input): string {
  return optionalString(input, "ClientRequestToken", 32, 64) ?? newUuid(ctx);
}

/**
 * A random UUID v4.
 *
 * @example
 * newUuid(ctx); // "3b6f0c8e-…"
 */
export function newUuid(ctx: ServiceContext): string {
  return randomUuidV4(ctx.random);
}
