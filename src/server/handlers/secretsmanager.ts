/**
 * Secrets Manager over JSON 1.1: each operation reads its input, finds the
 * secret its `SecretId` names, and plans one access ask (see
 * `secretsmanager-access.ts`) before running the service's operation.
 * Input is checked while planning, so a bad request is a 400 before
 * anything is authorized; the secret is looked up again when the call
 * runs. Refusals are `AccessDeniedException` with HTTP 400, as Secrets
 * Manager answers them.
 */
import type { ContextValue } from "../../engines/policy/request.js";
import type { ServiceContext } from "../../services/context.js";
import { createSecret, readCreateSecret } from "../../services/secretsmanager/create-secret.js";
import { deleteSecret, readDeleteSecret } from "../../services/secretsmanager/delete-secret.js";
import { describeSecret } from "../../services/secretsmanager/describe-secret.js";
import { accessDenied, secretNotFound } from "../../services/secretsmanager/errors.js";
import { type Input, optionalString, requiredString } from "../../services/secretsmanager/input.js";
import { listSecrets, readListSecrets } from "../../services/secretsmanager/list-secrets.js";
import { findSecret } from "../../services/secretsmanager/lookup.js";
import type { Secret } from "../../services/secretsmanager/model.js";
import {
  deleteResourcePolicy,
  getResourcePolicy,
  policyProblems,
  putResourcePolicy,
  readPolicyText,
} from "../../services/secretsmanager/resource-policy.js";
import { readSecretValue } from "../../services/secretsmanager/secret-value.js";
import {
  getSecretValue,
  putSecretValue,
  requestedStage,
} from "../../services/secretsmanager/secret-versions.js";
import { requestTagContext } from "../../services/secretsmanager/tags.js";
import { guarded, type Plan } from "./handler.js";
import { type JsonOperation, type JsonTable, jsonBinding } from "./json-binding.js";
import { secretAsk } from "./secretsmanager-access.js";

type SecretRun = (ctx: ServiceContext, secret: Secret, input: Input) => unknown;

/** An operation on the secret `SecretId` names; `check` reads the rest of the input first. */
function onSecret(
  operation: string,
  run: SecretRun,
  check: (input: Input) => Record<string, ContextValue> = () => ({}),
): JsonOperation {
  return (ctx, input) => {
    const secretId = requiredString(input, "SecretId", 1, 2048);
    const extra = check(input);
    const ask = secretAsk(ctx, operation, secretId, findSecret(ctx, secretId), extra);
    return guarded(ask, () => {
      const secret = findSecret(ctx, secretId);
      if (secret === undefined) throw secretNotFound();
      return run(ctx, secret, input);
    });
  };
}

const create: JsonOperation = (ctx, input) => {
  const request = readCreateSecret(ctx, input);
  const ask = {
    action: "secretsmanager:CreateSecret",
    resource: request.arn,
    context: { "secretsmanager:Name": request.name, ...requestTagContext(request.tags) },
  };
  return guarded(ask, () => createSecret(ctx, request));
};

const list: JsonOperation = (ctx, input) => {
  const request = readListSecrets(input);
  return guarded({ action: "secretsmanager:ListSecrets", resource: "*" }, () =>
    listSecrets(ctx, request),
  );
};

const validate: JsonOperation = (ctx, input): Plan<unknown> => {
  const text = readPolicyText(input);
  const secretId = optionalString(input, "SecretId", 1, 2048);
  const run = () => {
    const errors = policyProblems(text);
    return { PolicyValidationPassed: errors.length === 0, ValidationErrors: errors };
  };
  if (secretId === undefined) {
    return {
      access: ["ValidateResourcePolicy", "PutResourcePolicy"].map((op) => ({
        action: `secretsmanager:${op}`,
        resource: "*",
      })),
      run,
    };
  }
  const secret = findSecret(ctx, secretId);
  return {
    access: ["ValidateResourcePolicy", "PutResourcePolicy"].map((op) =>
      secretAsk(ctx, op, secretId, secret),
    ),
    run: () => {
      if (findSecret(ctx, secretId) === undefined) throw secretNotFound();
      return run();
    },
  };
};

const stageContext = (input: Input): Record<string, ContextValue> => {
  const stage = requestedStage(input);
  return stage === undefined ? {} : { "secretsmanager:VersionStage": stage };
};

/**
 * Secrets Manager's operations by name.
 *
 * @example
 * SECRETS_MANAGER_OPERATIONS.GetSecretValue?.(ctx, { SecretId: "db" }, call).access[0]?.action;
 * // "secretsmanager:GetSecretValue"
 */
export const SECRETS_MANAGER_OPERATIONS: JsonTable = {
  CreateSecret: create,
  GetSecretValue: onSecret("GetSecretValue", (_ctx, s, i) => getSecretValue(s, i), stageContext),
  PutSecretValue: onSecret("PutSecretValue", putSecretValue, (input) => {
    readSecretValue(input);
    return {};
  }),
  DescribeSecret: onSecret("DescribeSecret", (_ctx, s) => describeSecret(s)),
  ListSecrets: list,
  DeleteSecret: onSecret(
    "DeleteSecret",
    (ctx, s, i) => deleteSecret(ctx, s, readDeleteSecret(i)),
    (input) => {
      readDeleteSecret(input);
      return {};
    },
  ),
  PutResourcePolicy: onSecret("PutResourcePolicy", putResourcePolicy, (input) => {
    readPolicyText(input);
    return {};
  }),
  GetResourcePolicy: onSecret("GetResourcePolicy", (_ctx, s) => getResourcePolicy(s)),
  DeleteResourcePolicy: onSecret("DeleteResourcePolicy", deleteResourcePolicy),
  ValidateResourcePolicy: validate,
};

/**
 * Secrets Manager as a binding of the chain.
 *
 * @example
 * SERVICE_BINDINGS.secretsmanager = SECRETS_MANAGER_BINDING;
 */
export const SECRETS_MANAGER_BINDING = jsonBinding(SECRETS_MANAGER_OPERATIONS, accessDenied);
