/**
 * EC2 behaviour the AWS documentation leaves open or that a local emulator
 * must choose, each as one named constant. Change them here only.
 */

/**
 * The Availability Zone id of each zone letter (`us-east-1a` → `use1-az1`).
 * UNCONFIRMED by design: AWS maps zone names to zone ids per account; we
 * use the same fixed mapping for every account (letter a → az1, b → az2, …)
 * and the region's short code below.
 */
export const ZONE_LETTERS = ["a", "b", "c", "d", "e", "f"] as const;

/** Short region codes for AZ ids (`use1-az1`); other regions use the region name minus dashes. */
export const REGION_SHORT_CODES: Readonly<Record<string, string>> = {
  "us-east-1": "use1",
  "us-east-2": "use2",
  "us-west-1": "usw1",
  "us-west-2": "usw2",
  "eu-west-1": "euw1",
  "eu-west-2": "euw2",
  "eu-central-1": "euc1",
  "ap-southeast-1": "apse1",
  "ap-southeast-2": "apse2",
  "ap-northeast-1": "apne1",
};

/** The zone a subnet lands in when neither AvailabilityZone nor AvailabilityZoneId is given. */
export const DEFAULT_ZONE_LETTER = "a";

/** VPC and subnet IPv4 blocks must be between /16 and /28 (AWS VPC User Guide). */
export const BLOCK_PREFIX_RANGE = { min: 16, max: 28 } as const;

/**
 * UNCONFIRMED: AWS places a group without VpcId in the default VPC. The
 * emulator has no default VPC, so CreateSecurityGroup requires VpcId and
 * answers `MissingParameter` without it.
 */
export const SECURITY_GROUP_NEEDS_VPC = true;

/** The largest MaxEntries a customer managed prefix list may have (AWS quota: 1000). */
export const PREFIX_LIST_MAX_ENTRIES = 1000;

/**
 * UNCONFIRMED: the code EC2 answers for an endpoint policy that does not
 * validate. We answer `InvalidParameterValue` with the validator's first
 * error, as EC2 does for other malformed parameter values.
 */
export const INVALID_ENDPOINT_POLICY_CODE = "InvalidParameterValue";

/** The endpoint policy an endpoint gets when none is given (aws-facts E8). */
export const DEFAULT_ENDPOINT_POLICY = JSON.stringify({
  Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
});

/** Endpoint policies are at most 20,480 characters (aws-facts E8). */
export const ENDPOINT_POLICY_LIMIT = 20_480;

/** Services that offer Gateway endpoints; every other service is Interface only. */
export const GATEWAY_SERVICES = ["s3", "dynamodb"] as const;
