/**
 * Secrets Manager behaviours accesslab could not confirm from AWS's
 * documentation, each as one named constant with the reasoning: the
 * validation check names, which condition keys count as narrowing a
 * wildcard principal in the broad-access check, and how ListSecrets orders
 * its answer. Confirmed facts (ARN suffix, recovery window, policy size)
 * live next to the code that uses them, with their aws-facts reference.
 */

/**
 * `CheckName` of a ValidateResourcePolicy error for a syntax problem. AWS
 * documents the field but not its values; this name says what failed.
 */
export const SYNTAX_CHECK_NAME = "PolicySyntaxCheck";

/**
 * `CheckName` of a ValidateResourcePolicy error for the broad-access
 * (Zelkova) check (aws-facts E5); the value is not documented.
 */
export const BROAD_ACCESS_CHECK_NAME = "BroadAccessCheck";

/**
 * Condition keys that, compared with a value without wildcards, narrow an
 * `Allow` to every principal enough that the policy is not "broad": the
 * caller's account or organization, a specific principal, or a specific
 * network path. Zelkova reasons over all keys; this list covers the
 * conditions AWS's own examples use to make a wildcard principal safe.
 */
export const RESTRICTING_CONDITION_KEYS: ReadonlySet<string> = new Set([
  "aws:principalaccount",
  "aws:principalarn",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:userid",
  "aws:username",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
]);

/**
 * ListSecrets lists secrets by name (ascending) unless `SortOrder` says
 * `desc`; AWS's default order is not documented as stable, and a fixed
 * order keeps NextToken pages consistent.
 */
export const LIST_ORDER = "name" as const;
