/**
 * What a well-formed ARN looks like, part by part: a known partition, a
 * lowercase service, a region such as `eu-west-1` (or none), a 12-digit
 * account (or none, or `aws` for AWS managed policies) and a non-empty
 * resource. Parts holding a wildcard or a policy variable are not judged.
 */

/** Partitions AWS operates. */
export const PARTITIONS = [
  "aws",
  "aws-cn",
  "aws-us-gov",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-eusc",
];

/** Services whose ARNs carry no region. */
const GLOBAL_SERVICES = new Set(["iam", "cloudfront", "route53", "organizations"]);

/** A problem with one ARN: an Access Analyzer-style code and a message. */
export interface ArnProblem {
  readonly code: string;
  readonly message: string;
}

/**
 * Describes what is wrong with `arn` as a resource ARN, or undefined when
 * nothing is.
 *
 * @example
 * arnProblem("arn:aws:s3::bucket")?.code; // "missing-arn-field"
 * arnProblem("arn:aws:s3:::bucket/*"); // undefined
 */
export function arnProblem(arn: string): ArnProblem | undefined {
  if (!arn.startsWith("arn:")) {
    return {
      code: "invalid-arn-prefix",
      message: `resource \`${arn}\` must be \`*\` or an ARN starting with \`arn:\``,
    };
  }
  const parts = arn.split(":");
  if (parts.length < 6) {
    const message = `\`${arn}\` has ${parts.length} of the 6 ARN fields \`arn:partition:service:region:account:resource\``;
    return { code: "missing-arn-field", message };
  }
  const [, partition = "", service = "", region = "", account = ""] = parts;
  const resource = parts.slice(5).join(":");
  if (!isOpen(partition) && !PARTITIONS.includes(partition)) {
    return {
      code: "invalid-partition",
      message: `partition \`${partition}\` in \`${arn}\` is not one of ${PARTITIONS.join(", ")}`,
    };
  }
  if (service === "")
    return { code: "missing-arn-field", message: `\`${arn}\` has an empty service field` };
  if (!isOpen(service) && !/^[a-z0-9-]+$/.test(service)) {
    const code = /^[a-zA-Z0-9-]+$/.test(service)
      ? "invalid-arn-service-case"
      : "invalid-arn-service";
    return {
      code,
      message: `service \`${service}\` in \`${arn}\` must be a lowercase service prefix`,
    };
  }
  if (region !== "" && !isOpen(region)) {
    if (GLOBAL_SERVICES.has(service)) {
      return {
        code: "arn-region-not-allowed",
        message: `\`${service}\` ARNs have no region; remove \`${region}\` from \`${arn}\``,
      };
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
      return {
        code: "invalid-arn-region",
        message: `region \`${region}\` in \`${arn}\` is not a region name such as \`us-east-1\``,
      };
    }
  }
  if (account !== "" && !isOpen(account) && account !== "aws" && !/^\d{12}$/.test(account)) {
    return {
      code: "invalid-arn-account",
      message: `account \`${account}\` in \`${arn}\` must be 12 digits`,
    };
  }
  if (resource === "")
    return { code: "invalid-arn-resource", message: `\`${arn}\` has an empty resource field` };
  return undefined;
}

/** True when a part holds a wildcard or a variable and so cannot be judged. */
function isOpen(part: string): boolean {
  return part.includes("*") || part.includes("?") || part.includes("${");
}
