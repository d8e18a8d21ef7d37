/**
 * Version ids: the caller's `ClientRequestToken` (32 to 64 characters, the
 * idempotency token the SDK fills in with a UUID) or, without one, a fresh
 * UUID v4 from the context's random source.
 */
import type { ServiceContext } from "../context.js";
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
  const b = ctx.random(16);
  const bytes = Uint8Array.from(b);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
