/**
 * The STS operations over the query protocol: GetCallerIdentity answers
 * from the authenticated caller, AssumeRole reads its parameters and lets
 * `src/services/sts` decide the trust and issue the session; the answers
 * are shaped as the STS API's `<OpResult>` members (`Expiration` ISO 8601).
 */
import { type QueryParams, requireParam } from "../../protocol/query.js";
import { assumeRole } from "../../services/sts/assume-role.js";
import { getCallerIdentity } from "../../services/sts/get-caller-identity.js";
import type { QueryTable } from "./handler.js";
import { optional, optionalInt } from "./query-input.js";

const need = (params: QueryParams, name: string) => requireParam(params, name, "query");

/**
 * STS's handlers by operation name.
 *
 * @example
 * STS_HANDLERS.GetCallerIdentity?.(ctx, { params, caller }); // { UserId, Account, Arn }
 */
export const STS_HANDLERS: QueryTable = {
  GetCallerIdentity: (_ctx, { caller }) => {
    const identity = getCallerIdentity(caller);
    return { UserId: identity.userId, Account: identity.account, Arn: identity.arn };
  },
  AssumeRole: (ctx, { params, caller }) => {
    const durationSeconds = optionalInt(params, "DurationSeconds");
    const result = assumeRole(ctx, caller, {
      roleArn: need(params, "RoleArn"),
      roleSessionName: need(params, "RoleSessionName"),
      ...optional(params, "Policy", "policy"),
      ...optional(params, "ExternalId", "externalId"),
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    });
    const { credentials, assumedRoleUser } = result;
    return {
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: new Date(credentials.expiration),
      },
      AssumedRoleUser: { AssumedRoleId: assumedRoleUser.assumedRoleId, Arn: assumedRoleUser.arn },
      PackedPolicySize: result.packedPolicySize,
    };
  },
};
