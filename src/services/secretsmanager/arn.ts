/**
 * Secret ARNs: `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6
 * random alphanumerics>` (aws-facts E3), and how a SecretId names a secret:
 * by name, by full ARN, or by partial ARN (the ARN without the suffix).
 */
import type { ServiceContext } from "../context.js";

const ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * The ARN prefix of every secret in the context's account and region.
 *
 * @example
 * secretArnPrefix(ctx); // "arn:aws:secretsmanager:us-east-1:000000000000:secret:"
 */
export function secretArnPrefix(ctx: Pick<ServiceContext, "region" | "account">): string {
  return `arn:aws:secretsmanager:${ctx.region}:${ctx.account}:secret:`;
}

/**
 * A new ARN for a secret named `name`, with a random 6-character suffix.
 *
 * @example
 * newSecretArn(ctx, "db"); // "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-a1B2c3"
 */
export function newSecretArn(ctx: ServiceContext, name: string): string {
  const bytes = ctx.random(6);
  let suffix = "";
  for (const byte of bytes) suffix += ALPHANUMERICS[byte % ALPHANUMERICS.length];
  return `${secretArnPrefix(ctx)}${name}-${suffix}`;
}

/**
 * The name part of a SecretId that is an ARN of this account and region
 * (suffix included for a full ARN), or `undefined` when it is a plain name.
 *
 * @example
 * arnTail(ctx, "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-a1B2c3"); // "db-a1B2c3"
 */
export function arnTail(
  ctx: Pick<ServiceContext, "region" | "account">,
  secretId: string,
): string | undefined {
  const prefix = secretArnPrefix(ctx);
  return secretId.startsWith(prefix) ? secretId.slice(prefix.length) : undefined;
}
