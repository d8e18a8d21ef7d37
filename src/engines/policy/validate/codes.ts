/**
 * One line per finding code, saying what the check is about: the rule
 * catalogue that reports (SARIF `rules`, documentation) show next to codes.
 * Parse codes come from `parse.ts`; the others from the rules in this folder.
 */

/** Code → short description. */
export const FINDING_CODES: Readonly<Record<string, string>> = {
  "json-syntax": "policy text is not valid JSON",
  "unknown-element": "element the policy grammar does not define",
  "duplicate-element": "element given twice in one object",
  "wrong-type": "element value of the wrong JSON type",
  "invalid-version": "Version is neither 2012-10-17 nor 2008-10-17",
  "missing-statement": "policy has no Statement",
  "invalid-principal": 'Principal is neither "*" nor an object',
  "unknown-principal-type": "principal type other than AWS, Service, Federated or CanonicalUser",
  "empty-element": "element is an empty array",
  "missing-version": "policy has no Version",
  "variables-unsupported-in-version": "policy variables used without Version 2012-10-17",
  "missing-effect": "statement has no Effect",
  "invalid-effect": "Effect is neither Allow nor Deny",
  "missing-action": "statement has neither Action nor NotAction",
  "unsupported-element-combination": "element and its Not twin in one statement",
  "empty-sid": "Sid is empty",
  "duplicate-sid": "two statements share a Sid",
  "unsupported-sid": "Sid holds characters this policy kind does not allow",
  "unsupported-principal": "Principal or NotPrincipal in a policy kind that names no principal",
  "missing-principal": "statement has no Principal where the policy kind requires one",
  "unsupported-not-principal": "NotPrincipal in a policy kind that does not support it",
  "unsupported-not-action": "NotAction in a policy kind that does not support it",
  "unsupported-resource": "Resource in a role trust policy",
  "missing-resource": "statement has neither Resource nor NotResource",
  "unsupported-action-in-policy": "action a role trust policy cannot grant",
  "rcp-allow-not-full-access": "RCP Allow statement other than RCPFullAWSAccess",
  "rcp-principal-not-wildcard": 'RCP Principal other than "*"',
  "allow-with-not-principal": "Allow with NotPrincipal, which IAM does not support",
  "allow-with-not-action": "Allow with NotAction",
  "allow-with-not-resource": "Allow with NotResource",
  "public-principal-without-condition": "Allow to every principal with no condition",
  "empty-object-principal": "Principal is an empty object",
  "unsupported-wildcard-in-principal": "partial wildcard in a principal",
  "invalid-principal-format": "principal value of the wrong form",
  "invalid-service-principal-format": "service principal of the wrong form",
  "invalid-action": "action not of the form service:action",
  "wildcard-in-service-name": "wildcard in an action's service prefix",
  "unknown-service": "service prefix that does not exist",
  "unknown-action": "action that does not exist, or a wildcard matching none",
  "invalid-arn-prefix": "resource is neither * nor an ARN",
  "missing-arn-field": "ARN with missing fields",
  "invalid-partition": "ARN partition that does not exist",
  "invalid-arn-service": "ARN service field of the wrong form",
  "invalid-arn-service-case": "ARN service field not in lowercase",
  "arn-region-not-allowed": "region in the ARN of a global service",
  "invalid-arn-region": "ARN region field of the wrong form",
  "invalid-arn-account": "ARN account field that is not 12 digits",
  "invalid-arn-resource": "ARN with an empty resource field",
  "invalid-condition-operator": "condition operator that does not exist",
  "null-with-if-exists": "Null operator with IfExists",
  "invalid-condition-key-format": "condition key not of the form prefix:name",
  "invalid-global-condition-key": "aws: condition key that is not a documented global key",
  "type-mismatch": "condition operator that does not fit the key's type",
  "for-all-values-with-single-valued-key": "ForAllValues on a single-valued key",
  "for-any-value-with-single-valued-key": "ForAnyValue on a single-valued key",
  "missing-qualifier": "multivalued key without ForAllValues or ForAnyValue",
  "type-mismatch-bool": "Bool or Null value other than true or false",
  "type-mismatch-number": "Numeric value that is not a number",
  "type-mismatch-date": "Date value that is not a date",
  "type-mismatch-ip-range": "IpAddress value that is not an address or CIDR block",
  "unknown-condition-key": "service condition key that does not exist",
  "condition-key-not-applicable": "condition key no action of the statement supports",
  "redundant-action": "action covered by another in the same statement",
  "redundant-resource": "resource covered by another in the same statement",
  "redundant-statement": "statement covered by another statement",
  "policy-size-exceeds-quota": "policy larger than its kind's quota",
};

/**
 * The description of `code`, or the code itself when it has none.
 *
 * @example
 * describeCode("missing-effect"); // "statement has no Effect"
 */
export function describeCode(code: string): string {
  return Object.hasOwn(FINDING_CODES, code) ? (FINDING_CODES[code] ?? code) : code;
}
