/**
 * CloudFormation reading behaviour that AWS leaves open, or that a local
 * reader must choose, each as one named constant. Change them here only.
 */

/**
 * The YAML version templates are read with. AWS documents "YAML Version 1.1
 * with a few exceptions" (no binary, omap, pairs, set or timestamp tags), so
 * `0755` is the octal number 493 and `yes`/`on` are booleans.
 * UNCONFIRMED: single-letter `y`/`n` stay strings (as in SnakeYAML and
 * PyYAML), not booleans as some 1.1 readers make them.
 */
export const YAML_VERSION = "1.1" as const;

/** YAML 1.1 tags CloudFormation does not support; they read as unknown tags. */
export const UNSUPPORTED_YAML_TAGS: readonly string[] = [
  "tag:yaml.org,2002:binary",
  "tag:yaml.org,2002:omap",
  "tag:yaml.org,2002:pairs",
  "tag:yaml.org,2002:set",
  "tag:yaml.org,2002:timestamp",
  "tag:yaml.org,2002:merge",
];

/**
 * UNCONFIRMED: AWS lists YAML aliases as unsupported. We resolve them (so
 * the rest of the template can still be checked) and warn.
 */
export const ALIAS_SEVERITY = "warning" as const;

/** The account id pseudo parameter when none is given (the emulator's account). */
export const DEFAULT_ACCOUNT_ID = "000000000000";

/** The region when none is given. */
export const DEFAULT_REGION = "us-east-1";

/** The stack name when none is given (the deployer normally passes one). */
export const DEFAULT_STACK_NAME = "accesslab-stack";

/**
 * The stack id's trailing UUID when none is given. UNCONFIRMED by design:
 * AWS generates a random one; a reader stays deterministic.
 */
export const DEFAULT_STACK_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * UNCONFIRMED: a condition whose value cannot be known locally (it compares
 * an SSM parameter or an import) keeps its resources and outputs, so the
 * checker still sees them; a warning says so. `Fn::If` on such a condition
 * stays symbolic instead.
 */
export const UNKNOWN_CONDITION_KEEPS_RESOURCES = true;
