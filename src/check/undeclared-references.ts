/**
 * Telling "this template is wrong" from "this template uses something that
 * already exists": a resource that fails in the emulator because an id or
 * ARN written literally in its properties (a subnet, security group, access
 * point of the real account) does not exist there has not shown a fault of
 * the template, only the limit of what the checker can see. Such a failure
 * becomes a warning saying what was not probed, never a finding.
 */
import type { SourcePosition } from "../formats/position.js";
import type { DeployableResource, ResolvedValue } from "../templates/model.js";
import { isSymbolic } from "../templates/model.js";

/** How services word a missing resource in their refusals. */
const NOT_FOUND = /does not exist|not found|NotFound|cannot be found|no such/i;
/** Resource ids and ARNs as AWS writes them. */
const RESOURCE_REFERENCE = /^(?:[a-z]+-[0-9a-f]{8,17}|arn:aws[a-z-]*:[a-z0-9-]+:.*)$/;

/** A literal reference to something the template does not declare. */
export interface UndeclaredReference {
  readonly value: string;
  readonly path: readonly (string | number)[];
  readonly position?: SourcePosition;
}

/**
 * The literal reference of `resource` that `reason` says does not exist,
 * if that is why it failed.
 *
 * @example
 * undeclaredReference(fn, "The subnet ID 'subnet-0a1b2c3d' does not exist"); // { value: "subnet-0a1b2c3d", path: ["VpcConfig", "SubnetIds", 0] }
 */
export function undeclaredReference(
  resource: DeployableResource,
  reason: string,
): UndeclaredReference | undefined {
  if (!NOT_FOUND.test(reason)) return undefined;
  for (const [value, path] of literals(
    resource.properties(() => undefined),
    [],
  )) {
    if (RESOURCE_REFERENCE.test(value) && reason.includes(value)) {
      const position = resource.positionOf(path);
      return { value, path, ...(position === undefined ? {} : { position }) };
    }
  }
  return undefined;
}

function* literals(
  value: ResolvedValue,
  path: (string | number)[],
): Generator<[string, (string | number)[]]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* literals(item, [...path, i]);
  else if (typeof value === "object" && value !== null && !isSymbolic(value))
    for (const [key, item] of Object.entries(value)) yield* literals(item, [...path, key]);
}
