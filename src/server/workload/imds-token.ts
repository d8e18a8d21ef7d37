/**
 * IMDSv2 session tokens: `PUT /latest/api/token` issues one for a TTL of
 * 1..21600 seconds; later GETs present it in `x-aws-ec2-metadata-token`.
 * Tokens are stateless: the expiry and an HMAC of it under a key made per
 * server when first needed (so tokens die with the server, as they do when
 * an instance stops), compared in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ServerEnv } from "../env.js";

/** The longest TTL IMDS grants (6 hours). */
export const MAX_TOKEN_TTL_SECONDS = 21600;

const keys = new WeakMap<ServerEnv, Uint8Array>();

function keyOf(env: ServerEnv): Uint8Array {
  let key = keys.get(env);
  if (key === undefined) {
    key = env.services.random(32);
    keys.set(env, key);
  }
  return key;
}

const mac = (env: ServerEnv, expiry: string) =>
  createHmac("sha256", keyOf(env)).update(expiry).digest();

/**
 * The TTL a header asks for, or undefined when absent or out of 1..21600.
 *
 * @example
 * parseTokenTtl("21600"); // 21600
 * parseTokenTtl("0"); // undefined
 */
export function parseTokenTtl(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d{1,6}$/.test(header.trim())) return undefined;
  const ttl = Number(header.trim());
  return ttl >= 1 && ttl <= MAX_TOKEN_TTL_SECONDS ? ttl : undefined;
}

/**
 * Issues a token valid for `ttlSeconds` from the server's clock.
 *
 * @example
 * const token = issueImdsToken(env, 21600);
 * verifyImdsToken(env, token); // true
 */
export function issueImdsToken(env: ServerEnv, ttlSeconds: number): string {
  const expiry = String(env.services.clock() + ttlSeconds * 1000);
  return `${Buffer.from(expiry).toString("base64url")}.${mac(env, expiry).toString("base64url")}`;
}

/**
 * Whether a presented token was issued by this server and has not expired.
 *
 * @example
 * verifyImdsToken(env, "forged.token"); // false
 */
export function verifyImdsToken(env: ServerEnv, token: string | undefined): boolean {
  if (token === undefined) return false;
  const [encodedExpiry, signature, extra] = token.trim().split(".");
  if (encodedExpiry === undefined || signature === undefined || extra !== undefined) return false;
  const expiry = Buffer.from(encodedExpiry, "base64url").toString();
  if (!/^\d{1,16}$/.test(expiry)) return false;
  const expected = mac(env, expiry);
  const presented = Buffer.from(signature, "base64url");
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return false;
  return Number(expiry) > env.services.clock();
}
