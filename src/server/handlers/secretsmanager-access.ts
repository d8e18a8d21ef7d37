/**
 * What Secrets Manager asks the policy engine (aws-facts E3, E6): the
 * action `secretsmanager:<Operation>` on the secret's ARN, with the
 * secret's resource policy and the condition keys a policy can test
 * (`secretsmanager:SecretId`, `secretsmanager:ResourceTag/<k>`,
 * `aws:ResourceTag/<k>`, plus per-operation keys such as
 * `secretsmanager:VersionStage`). For a secret that does not exist the ask
 * is on the ARN the id would have, so an unauthorized caller learns nothing
 * about which secrets exist.
 */
import type { ContextValue } from "../../engines/policy/request.js";
import type { ServiceContext } from "../../services/context.js";
import { secretArnPrefix } from "../../services/secretsmanager/arn.js";
import type { Secret } from "../../services/secretsmanager/model.js";
import { secretPolicy } from "../../services/secretsmanager/resource-policy.js";
import { resourceTagContext } from "../../services/secretsmanager/tags.js";
import type { AccessAsk } from "./handler.js";

/**
 * The ask for `operation` on the secret `secretId` names (found or not).
 *
 * @example
 * secretAsk(ctx, "GetSecretValue", "db", secret, { "secretsmanager:VersionStage": "AWSCURRENT" });
 */
export function secretAsk(
  ctx: ServiceContext,
  operation: string,
  secretId: string,
  secret: Secret | undefined,
  extra: Readonly<Record<string, ContextValue>> = {},
): AccessAsk {
  const action = `secretsmanager:${operation}`;
  if (secret === undefined) {
    const resource = secretId.startsWith("arn:") ? secretId : `${secretArnPrefix(ctx)}${secretId}`;
    return { action, resource, context: { "secretsmanager:SecretId": resource, ...extra } };
  }
  const policy = secretPolicy(secret);
  return {
    action,
    resource: secret.arn,
    ...(policy === undefined ? {} : { resourcePolicy: policy }),
    context: {
      "secretsmanager:SecretId": secret.arn,
      ...resourceTagContext(secret.tags),
      ...extra,
    },
  };
}
