/**
 * The acknowledgement CloudFormation requires before it creates IAM
 * resources: a template with an IAM resource needs `CAPABILITY_IAM` (or
 * `CAPABILITY_NAMED_IAM`), one with a custom-named IAM resource needs
 * `CAPABILITY_NAMED_IAM`; otherwise `InsufficientCapabilitiesException`
 * "Requires capabilities : [X]". Checked on the template as deployed (after
 * the SAM transform, whose generated roles count).
 */
import type { DeployableResource } from "../../templates/model.js";
import { CloudFormationError } from "./errors.js";

/** IAM types, with the property that gives each a custom name (if any). */
const IAM_TYPES: Readonly<Record<string, string | undefined>> = {
  "AWS::IAM::Role": "RoleName",
  "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
  "AWS::IAM::User": "UserName",
  "AWS::IAM::Group": "GroupName",
  "AWS::IAM::InstanceProfile": "InstanceProfileName",
  "AWS::IAM::Policy": undefined,
  "AWS::IAM::AccessKey": undefined,
  "AWS::IAM::UserToGroupAddition": undefined,
};

/**
 * The capability `resources` require, if any.
 *
 * @example
 * requiredCapability([role]); // "CAPABILITY_IAM"
 */
export function requiredCapability(
  resources: readonly DeployableResource[],
): "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined {
  let needed: "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined;
  for (const r of resources) {
    if (!Object.hasOwn(IAM_TYPES, r.type)) continue;
    const nameProperty = IAM_TYPES[r.type];
    if (nameProperty !== undefined && r.properties(() => undefined)[nameProperty] !== undefined)
      return "CAPABILITY_NAMED_IAM";
    needed = "CAPABILITY_IAM";
  }
  return needed;
}

/**
 * Throws CloudFormation's `InsufficientCapabilitiesException` unless `given` acknowledges what `resources` need.
 *
 * @example
 * checkCapabilities([role], []); // throws "Requires capabilities : [CAPABILITY_IAM]"
 */
export function checkCapabilities(
  resources: readonly DeployableResource[],
  given: readonly string[],
): void {
  const needed = requiredCapability(resources);
  if (needed === undefined || given.includes("CAPABILITY_NAMED_IAM")) return;
  if (needed === "CAPABILITY_IAM" && given.includes("CAPABILITY_IAM")) return;
  throw new CloudFormationError(
    "InsufficientCapabilitiesException",
    400,
    `Requires capabilities : [${needed}]`,
  );
}
