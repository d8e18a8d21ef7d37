/**
 * The global condition context keys AWS documents, with their data types:
 * facts copied by hand from the IAM User Guide page "AWS global condition
 * context keys" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html),
 * including the role-session keys it lists under other service prefixes
 * (`ec2:SourceInstanceArn`, `lambda:SourceFunctionArn`, ...). Keys ending in
 * `/` take a tag key or similar suffix. Global keys apply to every action.
 */

/** A condition key's documented data type. */
export type ConditionKeyType =
  | "String"
  | "ArrayOfString"
  | "ARN"
  | "ArrayOfARN"
  | "Numeric"
  | "ArrayOfNumeric"
  | "Date"
  | "Bool"
  | "ArrayOfBool"
  | "IPAddress"
  | "Binary";

/** One documented global key; `types` has two entries only for `aws:EpochTime`. */
export interface GlobalConditionKey {
  readonly key: string;
  readonly types: readonly ConditionKeyType[];
}

const TABLE: ReadonlyArray<readonly [string, ...ConditionKeyType[]]> = [
  // Properties of the principal
  ["aws:PrincipalArn", "ARN"],
  ["aws:PrincipalAccount", "String"],
  ["aws:PrincipalOrgPaths", "ArrayOfString"],
  ["aws:PrincipalOrgID", "String"],
  ["aws:PrincipalTag/", "String"],
  ["aws:PrincipalIsAWSService", "Bool"],
  ["aws:PrincipalServiceName", "String"],
  ["aws:PrincipalServiceNamesList", "ArrayOfString"],
  ["aws:PrincipalType", "String"],
  ["aws:userid", "String"],
  ["aws:username", "String"],
  // Properties of a role session
  ["aws:AssumedRoot", "Bool"],
  ["aws:FederatedProvider", "String"],
  ["aws:TokenIssueTime", "Date"],
  ["aws:MultiFactorAuthAge", "Numeric"],
  ["aws:MultiFactorAuthPresent", "Bool"],
  ["aws:ChatbotSourceArn", "ARN"],
  ["aws:Ec2InstanceSourceVpc", "String"],
  ["aws:Ec2InstanceSourcePrivateIPv4", "IPAddress"],
  ["aws:SourceIdentity", "String"],
  ["ec2:RoleDelivery", "Numeric"],
  ["ec2:SourceInstanceArn", "ARN"],
  ["glue:RoleAssumedBy", "String"],
  ["glue:CredentialIssuingService", "String"],
  ["lambda:SourceFunctionArn", "ARN"],
  ["ssm:SourceInstanceArn", "ARN"],
  ["identitystore:UserId", "String"],
  // Properties of the network
  ["aws:SourceIp", "IPAddress"],
  ["aws:SourceVpc", "String"],
  ["aws:SourceVpcArn", "ARN"],
  ["aws:SourceVpce", "String"],
  ["aws:VpceAccount", "String"],
  ["aws:VpceOrgPaths", "ArrayOfString"],
  ["aws:VpceOrgID", "String"],
  ["aws:VpcSourceIp", "IPAddress"],
  // Properties of the resource
  ["aws:ResourceAccount", "String"],
  ["aws:ResourceOrgID", "String"],
  ["aws:ResourceOrgPaths", "ArrayOfString"],
  ["aws:ResourceTag/", "String"],
  // Properties of the request
  ["aws:CalledVia", "ArrayOfString"],
  ["aws:CalledViaFirst", "String"],
  ["aws:CalledViaLast", "String"],
  ["aws:CalledViaAWSMCP", "String"],
  ["aws:ViaAWSService", "Bool"],
  ["aws:ViaAWSMCPService", "Bool"],
  ["aws:IsMcpServiceAction", "Bool"],
  ["aws:CurrentTime", "Date"],
  ["aws:EpochTime", "Date", "Numeric"],
  ["aws:referer", "String"],
  ["aws:RequestedRegion", "String"],
  ["aws:RequestTag/", "String"],
  ["aws:TagKeys", "ArrayOfString"],
  ["aws:SecureTransport", "Bool"],
  ["aws:SourceArn", "ARN"],
  ["aws:SourceAccount", "String"],
  ["aws:SourceOrgPaths", "ArrayOfString"],
  ["aws:SourceOrgID", "String"],
  ["aws:SourceOwner", "String"],
  ["aws:UserAgent", "String"],
];

/** Every documented global key, in documented case (tag keys end in `/`). */
export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = TABLE.map(
  ([key, ...types]) => ({
    key,
    types,
  }),
);

const EXACT = new Map(
  GLOBAL_CONDITION_KEYS.filter((k) => !k.key.endsWith("/")).map((k) => [k.key.toLowerCase(), k]),
);
const PREFIXED = GLOBAL_CONDITION_KEYS.filter((k) => k.key.endsWith("/"));

/**
 * Looks a key up among the global keys, ignoring case; a tag key such as
 * `aws:PrincipalTag/team` matches its documented prefix.
 *
 * @example
 * globalConditionKey("aws:sourceip")?.types; // ["IPAddress"]
 * globalConditionKey("aws:PrincipalTag/team")?.key; // "aws:PrincipalTag/"
 */
export function globalConditionKey(key: string): GlobalConditionKey | undefined {
  const lower = key.toLowerCase();
  const exact = EXACT.get(lower);
  if (exact) return exact;
  return PREFIXED.find((k) => lower.startsWith(k.key.toLowerCase()) && lower.length > k.key.length);
}

/**
 * True for the `aws:` prefix, whose keys are all global.
 *
 * @example
 * isAwsKey("AWS:SourceIp"); // true
 */
export function isAwsKey(key: string): boolean {
  return key.toLowerCase().startsWith("aws:");
}
