/**
 * Telling "this template is wrong" from "the checker cannot see enough": a
 * resource that fails in the emulator because an id or ARN written
 * literally in its properties (a subnet, security group, access point of
 * the real account) does not exist there, or whose properties hold a value
 * only the real account knows (`Fn::ImportValue`, an SSM parameter), has
 * not shown a fault of the template, only the limit of what the checker
 * can see. Such a failure becomes a warning saying what was not probed,
 * never a finding.
 */
import type { SourcePosition } from "../formats/position.js";
import type {
  DeployableResource,
  PhysicalLookup,
  ResolvedValue,
  Symbolic,
} from "../templates/model.js";
import { isSymbolic } from "../templates/model.js";

/** How services word a missing resource in their refusals. */
const NOT_FOUND = /does not exist|not found|NotFound|cannot be found|no such/i;
/** Resource ids and ARNs as AWS writes them. */
const RESOURCE_REFERENCE = /^(?:[a-z]+-[0-9a-f]{8,17}|arn:aws[a-z-]*:[a-z0-9-]+:.*)$/;

/** What the checker could not see, and where the template uses it. */
export interface BlindSpot {
  /** How to name it in a sentence, e.g. "`subnet-0a1b2c3d` is not declared in this template". */
  readonly what: string;
  readonly path: readonly (string | number)[];
  readonly position?: SourcePosition;
}

/**
 * Why `resource` failed with `reason` for want of something the checker
 * cannot see, if that is why.
 *
 * @example
 * blindSpot(fn, "The subnet ID 'subnet-0a1b2c3d' does not exist", lookup)?.what; // "`subnet-0a1b2c3d` is not declared in this template"
 */
export function blindSpot(
  resource: DeployableResource,
  reason: string,
  lookup: PhysicalLookup,
): BlindSpot | undefined {
  const undeclared = undeclaredReference(resource, reason);
  if (undeclared !== undefined)
    return {
      what: `\`${undeclared.value}\` is not declared in this template and accesslab cannot know it`,
      path: undeclared.path,
      ...(undeclared.position === undefined ? {} : { position: undeclared.position }),
    };
  const unknowable = firstSymbolic(resource.properties(lookup), []);
  if (unknowable === undefined) return undefined;
  const [value, path] = unknowable;
  const position = value.position ?? resource.positionOf(path);
  return {
    what: `${value.description} is only known in the real account`,
    path,
    ...(position === undefined ? {} : { position }),
  };
}

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

function firstSymbolic(
  value: ResolvedValue,
  path: (string | number)[],
): [Symbolic, (string | number)[]] | undefined {
  if (isSymbolic(value)) return [value, path];
  const entries: [string | number, ResolvedValue][] = Array.isArray(value)
    ? [...value.entries()]
    : typeof value === "object" && value !== null
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    const found = firstSymbolic(item, [...path, key]);
    if (found !== undefined) return found;
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
