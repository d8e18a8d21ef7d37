/**
 * A secret's resource policy: PutResourcePolicy (1–20,480 characters,
 * validated by the policy engine as a resource policy, refused by
 * BlockPublicPolicy when broad), GetResourcePolicy, DeleteResourcePolicy,
 * and ValidateResourcePolicy, which reports syntax errors and broad access
 * as `ValidationErrors` instead of refusing. The policy in force is handed
 * to authorization parsed (`secretPolicy`); in a secret's own policy
 * Resource `"*"` means this secret (aws-facts E3), which the engine's
 * wildcard already matches.
 */

import { parsePolicy } from "../../engines/policy/parse.js";
import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import { validatePolicy } from "../../engines/policy/validate/validate.js";
import type { ServiceContext } from "../context.js";
import { invalidPolicyMessage } from "../service-error.js";
import { BROAD_ACCESS_CHECK_NAME, SYNTAX_CHECK_NAME } from "./assumptions.js";
import { malformedPolicy, markedForDeletion, publicPolicy } from "./errors.js";
import { type Input, optionalBoolean, requiredString } from "./input.js";
import { saveSecret } from "./lookup.js";
import type { Secret } from "./model.js";
import { broadStatements } from "./public-policy.js";

const MAX_POLICY = 20480;

/** One finding of ValidateResourcePolicy. */
export interface ValidationError {
  readonly CheckName: string;
  readonly ErrorMessage: string;
}

/**
 * Every problem ValidateResourcePolicy reports for `text`.
 *
 * @example
 * policyProblems('{"Statement":[]}'); // []
 */
export function policyProblems(text: string): ValidationError[] {
  const syntax = validatePolicy(text, { kind: "resource" })
    .filter((f) => f.type === "ERROR")
    .map((f) => ({ CheckName: SYNTAX_CHECK_NAME, ErrorMessage: invalidPolicyMessage(f) }));
  if (syntax.length > 0) return syntax;
  const { policy } = parsePolicy(text);
  return broadStatements(policy?.statements ?? []).map((index) => ({
    CheckName: BROAD_ACCESS_CHECK_NAME,
    ErrorMessage: `statement ${index} allows every principal (\`*\`) without a condition that narrows it, which grants broad access to the secret`,
  }));
}

/**
 * Reads the `ResourcePolicy` field (1–20,480 characters).
 *
 * @example
 * readPolicyText({ ResourcePolicy: "{…}" });
 */
export function readPolicyText(input: Input): string {
  return requiredString(input, "ResourcePolicy", 1, MAX_POLICY);
}

/**
 * PutResourcePolicy on a found secret.
 *
 * @example
 * putResourcePolicy(ctx, secret, { ResourcePolicy: text, BlockPublicPolicy: true }); // { ARN, Name }
 */
export function putResourcePolicy(ctx: ServiceContext, secret: Secret, input: Input): object {
  const text = readPolicyText(input);
  const block = optionalBoolean(input, "BlockPublicPolicy") ?? false;
  const first = validatePolicy(text, { kind: "resource" }).find((f) => f.type === "ERROR");
  if (first) throw malformedPolicy(invalidPolicyMessage(first));
  if (block && broadStatements(parsePolicy(text).policy?.statements ?? []).length > 0) {
    throw publicPolicy();
  }
  if (secret.deletionDateMs !== undefined) throw markedForDeletion();
  saveSecret(ctx, { ...secret, policy: text, lastChangedMs: ctx.clock() });
  return { ARN: secret.arn, Name: secret.name };
}

/**
 * GetResourcePolicy on a found secret.
 *
 * @example
 * getResourcePolicy(secret); // { ARN, Name, ResourcePolicy }
 */
export function getResourcePolicy(secret: Secret): object {
  return {
    ARN: secret.arn,
    Name: secret.name,
    ...(secret.policy === undefined ? {} : { ResourcePolicy: secret.policy }),
  };
}

/**
 * DeleteResourcePolicy on a found secret.
 *
 * @example
 * deleteResourcePolicy(ctx, secret); // { ARN, Name }
 */
export function deleteResourcePolicy(ctx: ServiceContext, secret: Secret): object {
  const { policy: _dropped, ...rest } = secret;
  saveSecret(ctx, { ...rest, lastChangedMs: ctx.clock() });
  return { ARN: secret.arn, Name: secret.name };
}

/**
 * The secret's policy for the engine, when it has one.
 *
 * @example
 * secretPolicy(secret)?.name; // "secret policy"
 */
export function secretPolicy(secret: Secret): NamedPolicy | undefined {
  if (secret.policy === undefined) return undefined;
  const { policy } = parsePolicy(secret.policy);
  // A stored policy was validated by PutResourcePolicy; an unreadable one grants nothing.
  return { name: "secret policy", document: policy ?? { statements: [] } };
}
