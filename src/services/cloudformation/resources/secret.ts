/**
 * `AWS::SecretsManager::Secret`: CreateSecret (Name or a generated name,
 * Description, KmsKeyId, SecretString, or a value `GenerateSecretString`
 * makes (`generated-secret.ts`), Tags; the two values exclude each other). `Ref` is the secret's ARN, as
 * CloudFormation's is; `Fn::GetAtt` has `Id` (the ARN).
 */
import { createSecret, readCreateSecret } from "../../secretsmanager/create-secret.js";
import { deleteSecret } from "../../secretsmanager/delete-secret.js";
import { findSecret } from "../../secretsmanager/lookup.js";
import { SECRET_DELETION_FORCED } from "../assumptions.js";
import { validationError } from "../errors.js";
import { generatedName } from "../names.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";
import { generatedSecretString } from "./generated-secret.js";

/**
 * The handler of `AWS::SecretsManager::Secret`.
 *
 * @example
 * SECRET.create(env, props).physicalId; // "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf"
 */
export const SECRET: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const name =
      props.optionalString("Name") ?? generatedName(ctx, env.stackName, env.logicalId, 256);
    const given = props.optionalString("SecretString");
    const generate = props.object("GenerateSecretString");
    if (given !== undefined && generate !== undefined)
      throw validationError(
        `Properties validation failed for resource ${env.logicalId} with message: #: SecretString and GenerateSecretString cannot both be given`,
      );
    if (generate) env.allow("secretsmanager:GetRandomPassword", "*");
    const value =
      given ?? (generate ? generatedSecretString(props.nested(generate), ctx.random) : undefined);
    const description = props.optionalString("Description");
    const kmsKeyId = props.optionalString("KmsKeyId");
    const request = readCreateSecret(ctx, {
      Name: name,
      ...(value === undefined ? {} : { SecretString: value }),
      ...(description === undefined ? {} : { Description: description }),
      ...(kmsKeyId === undefined ? {} : { KmsKeyId: kmsKeyId }),
      Tags: props.tags("Tags").map((t) => ({ Key: t.key, Value: t.value })),
    });
    env.allow("secretsmanager:CreateSecret", request.arn);
    createSecret(ctx, request);
    return { physicalId: request.arn, attributes: { Id: request.arn }, undo: { arn: request.arn } };
  },
  remove(ctx, undo) {
    const secret = findSecret(ctx, undoString(undo, "arn"));
    if (secret) deleteSecret(ctx, secret, { force: SECRET_DELETION_FORCED });
  },
};
