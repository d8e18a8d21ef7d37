/**
 * The value of a secret made from `GenerateSecretString`: a random
 * password as GetRandomPassword makes it (length, exclusions, classes),
 * alone, or placed under `GenerateStringKey` in the JSON object of
 * `SecretStringTemplate` (the two go together). CloudFormation needs
 * `secretsmanager:GetRandomPassword` for it, which the caller authorizes.
 */
import { randomPassword } from "../../secretsmanager/random-password.js";
import { validationError } from "../errors.js";
import type { PropertyReader } from "../properties.js";

/**
 * The generated secret string.
 *
 * @example
 * generatedSecretString(reader.nested(generate), ctx.random); // '{"username":"admin","password":"…"}'
 */
export function generatedSecretString(
  spec: PropertyReader,
  random: (length: number) => Uint8Array,
): string {
  const fail = (message: string): never => {
    throw validationError(
      `Properties validation failed for resource ${spec.logicalId} with message: #/GenerateSecretString: ${message}`,
    );
  };
  const passwordLength = spec.optionalNumber("PasswordLength");
  const excludeCharacters = spec.optionalString("ExcludeCharacters");
  const flags = {
    excludeNumbers: spec.optionalBoolean("ExcludeNumbers"),
    excludePunctuation: spec.optionalBoolean("ExcludePunctuation"),
    excludeUppercase: spec.optionalBoolean("ExcludeUppercase"),
    excludeLowercase: spec.optionalBoolean("ExcludeLowercase"),
    includeSpace: spec.optionalBoolean("IncludeSpace"),
    requireEachIncludedType: spec.optionalBoolean("RequireEachIncludedType"),
  };
  const made = randomPassword(
    {
      ...(passwordLength === undefined ? {} : { passwordLength }),
      ...(excludeCharacters === undefined ? {} : { excludeCharacters }),
      ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
    },
    random,
  );
  if (!made.ok) return fail(made.message);
  const template = spec.optionalString("SecretStringTemplate");
  const key = spec.optionalString("GenerateStringKey");
  if (template === undefined && key === undefined) return made.password;
  if (template === undefined || key === undefined)
    return fail("SecretStringTemplate and GenerateStringKey must be given together");
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    return fail("SecretStringTemplate is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return fail("SecretStringTemplate must be a JSON object");
  return JSON.stringify({ ...parsed, [key]: made.password });
}
