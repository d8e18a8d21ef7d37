/**
 * A secret whose value only the deployment can know (its `SecretString`
 * holds a dynamic reference to another secret, an import, an SSM
 * parameter) is still a secret the checker must deploy: no decision a
 * probe makes depends on what a secret holds, only on who may read it,
 * from where. So, for the emulation, such a value is replaced by a
 * stand-in, as the FSx handler does for a directory password, and the
 * secret, its resource policy and the workloads that read it are probed
 * instead of being left out as unknowable.
 */
import type { DeployableResource, ResolvedValue } from "../templates/model.js";
import { isSymbolic } from "../templates/model.js";

/** What stands for a secret value the checker cannot know; never read by a probe. */
const UNKNOWN_SECRET_VALUE_STAND_IN = "unknown-secret-value";

/**
 * `resource`, with an unknowable `SecretString` replaced by a stand-in
 * when it is an `AWS::SecretsManager::Secret`; any other resource as it is.
 *
 * @example
 * const deployable = template.resources.map(withKnownSecretValue);
 * deployable[0]?.properties(lookup).SecretString; // "unknown-secret-value" where it held `{{resolve:…}}`
 */
export function withKnownSecretValue(resource: DeployableResource): DeployableResource {
  if (resource.type !== "AWS::SecretsManager::Secret") return resource;
  return {
    ...resource,
    properties: (lookup) => standIn(resource.properties(lookup)),
    positionOf: (path) => resource.positionOf(path),
  };
}

function standIn(properties: { readonly [key: string]: ResolvedValue }): {
  readonly [key: string]: ResolvedValue;
} {
  return isSymbolic(properties.SecretString)
    ? { ...properties, SecretString: UNKNOWN_SECRET_VALUE_STAND_IN }
    : properties;
}
