/**
 * DeleteSecret: schedules the deletion after a recovery window of 7 to 30
 * days (30 when not given), or deletes at once with
 * `ForceDeleteWithoutRecovery`; the two together are refused. A scheduled
 * secret still answers DescribeSecret (with `DeletedDate`) but refuses its
 * value; once the window has passed it is gone (see `findSecret`).
 */
import type { ServiceContext } from "../context.js";
import { invalidParameter, markedForDeletion } from "./errors.js";
import { type Input, optionalBoolean, optionalInteger } from "./input.js";
import { saveSecret } from "./lookup.js";
import { SECRET_RECORD, type Secret } from "./model.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RECOVERY_DAYS = 30;

/** A checked DeleteSecret request. */
export interface DeleteSecretRequest {
  readonly recoveryDays?: number;
  readonly force: boolean;
}

/**
 * Reads DeleteSecret's options.
 *
 * @example
 * readDeleteSecret({ RecoveryWindowInDays: 7 }); // { recoveryDays: 7, force: false }
 */
export function readDeleteSecret(input: Input): DeleteSecretRequest {
  const recoveryDays = optionalInteger(input, "RecoveryWindowInDays", 7, 30);
  const force = optionalBoolean(input, "ForceDeleteWithoutRecovery") ?? false;
  if (force && recoveryDays !== undefined) {
    throw invalidParameter(
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
  }
  return { ...(recoveryDays === undefined ? {} : { recoveryDays }), force };
}

/**
 * Deletes or schedules the deletion of `secret`.
 *
 * @example
 * deleteSecret(ctx, secret, { force: false }).DeletionDate; // 30 days from now
 */
export function deleteSecret(
  ctx: ServiceContext,
  secret: Secret,
  request: DeleteSecretRequest,
): object {
  const now = ctx.clock();
  if (request.force) {
    ctx.store.records.delete(SECRET_RECORD, secret.name);
    return { ARN: secret.arn, Name: secret.name, DeletionDate: new Date(now) };
  }
  if (secret.deletionDateMs !== undefined) throw markedForDeletion();
  const deletionDateMs = now + (request.recoveryDays ?? DEFAULT_RECOVERY_DAYS) * DAY_MS;
  saveSecret(ctx, { ...secret, deletedMs: now, deletionDateMs, lastChangedMs: now });
  return { ARN: secret.arn, Name: secret.name, DeletionDate: new Date(deletionDateMs) };
}
