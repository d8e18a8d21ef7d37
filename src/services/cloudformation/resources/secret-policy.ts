/**
 * `AWS::SecretsManager::ResourcePolicy`: PutResourcePolicy on the secret
 * `SecretId` names (ARN or name) with `ResourcePolicy` (an object or JSON
 * text) and `BlockPublicPolicy`. `Ref` is the secret's ARN; removal
 * deletes the policy again. A stack update puts the new policy in place
 * (a secret has one), deleting it from the old secret when `SecretId` changed.
 */

import { secretNotFound } from "../../secretsmanager/errors.js";
import { findSecret } from "../../secretsmanager/lookup.js";
import { deleteResourcePolicy, putResourcePolicy } from "../../secretsmanager/resource-policy.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::SecretsManager::ResourcePolicy`.
 *
 * @example
 * SECRET_POLICY.create(env, props).physicalId; // the secret's ARN
 */
export const SECRET_POLICY: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const secretId = props.string("SecretId");
    const policy = props.policy("ResourcePolicy");
    const block = props.optionalBoolean("BlockPublicPolicy");
    const secret = findSecret(ctx, secretId);
    if (!secret) throw secretNotFound();
    env.allow("secretsmanager:PutResourcePolicy", secret.arn);
    putResourcePolicy(ctx, secret, {
      ResourcePolicy: policy,
      ...(block === undefined ? {} : { BlockPublicPolicy: block }),
    });
    return { physicalId: secret.arn, attributes: { Id: secret.arn }, undo: { arn: secret.arn } };
  },
  update(env, props, previous) {
    const now = SECRET_POLICY.create(env, props);
    if (now.physicalId !== previous.physicalId) SECRET_POLICY.remove(env.ctx, previous.undo);
    return now;
  },
  remove(ctx, undo) {
    const secret = findSecret(ctx, undoString(undo, "arn"));
    if (secret?.policy !== undefined) deleteResourcePolicy(ctx, secret);
  },
};
