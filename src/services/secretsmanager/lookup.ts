/**
 * Finding a secret by SecretId: a name, a full ARN, or a partial ARN (the
 * ARN without its 6-character suffix). A secret whose scheduled deletion
 * date has passed is gone, as on AWS, and is removed on first sight.
 */
import type { ServiceContext } from "../context.js";
import { arnTail } from "./arn.js";
import { SECRET_RECORD, type Secret } from "./model.js";

/**
 * The secret `secretId` names, or `undefined`.
 *
 * @example
 * findSecret(ctx, "db")?.arn; // "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-a1B2c3"
 */
export function findSecret(ctx: ServiceContext, secretId: string): Secret | undefined {
  const found = lookUp(ctx, secretId);
  if (found?.deletionDateMs !== undefined && found.deletionDateMs <= ctx.clock()) {
    ctx.store.records.delete(SECRET_RECORD, found.name);
    return undefined;
  }
  return found;
}

function lookUp(ctx: ServiceContext, secretId: string): Secret | undefined {
  const tail = arnTail(ctx, secretId);
  if (tail === undefined) return ctx.store.records.get<Secret>(SECRET_RECORD, secretId);
  const byPartial = ctx.store.records.get<Secret>(SECRET_RECORD, tail);
  if (byPartial !== undefined) return byPartial;
  const dash = tail.lastIndexOf("-");
  if (dash <= 0) return undefined;
  const byFull = ctx.store.records.get<Secret>(SECRET_RECORD, tail.slice(0, dash));
  return byFull?.arn === secretId ? byFull : undefined;
}

/**
 * Stores a secret (new or changed).
 *
 * @example
 * saveSecret(ctx, { ...secret, description: "db password" });
 */
export function saveSecret(ctx: ServiceContext, secret: Secret): void {
  ctx.store.records.put(SECRET_RECORD, secret.name, secret);
}
