/**
 * Policy size quotas, where AWS documents them: managed identity policies
 * and permissions boundaries 6,144 characters and role trust policies 2,048
 * (IAM does not count white space), session policies 2,048, SCPs and RCPs
 * 5,120, VPC endpoint policies 20,480; for resource-based policies, by the
 * service all their actions belong to: EFS file system policies 20,000,
 * Secrets Manager 20,480, S3 bucket policies 20,480, KMS key policies 32,768.
 */
import type { PolicyDocument } from "../ast.js";
import type { PolicyKind } from "../policy-kind.js";
import { splitAction } from "./action-name.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

interface Quota {
  readonly limit: number;
  readonly ignoresWhitespace: boolean;
  readonly what: string;
}

const BY_KIND: Partial<Record<PolicyKind, Quota>> = {
  identity: { limit: 6_144, ignoresWhitespace: true, what: "managed policy" },
  boundary: { limit: 6_144, ignoresWhitespace: true, what: "managed policy used as a boundary" },
  trust: { limit: 2_048, ignoresWhitespace: true, what: "role trust policy (default quota)" },
  session: { limit: 2_048, ignoresWhitespace: false, what: "session policy" },
  scp: { limit: 5_120, ignoresWhitespace: false, what: "service control policy" },
  rcp: { limit: 5_120, ignoresWhitespace: false, what: "resource control policy" },
  endpoint: { limit: 20_480, ignoresWhitespace: false, what: "VPC endpoint policy" },
};

const BY_SERVICE: Readonly<Record<string, Quota>> = {
  elasticfilesystem: { limit: 20_000, ignoresWhitespace: false, what: "EFS file system policy" },
  secretsmanager: {
    limit: 20_480,
    ignoresWhitespace: false,
    what: "Secrets Manager resource policy",
  },
  s3: { limit: 20_480, ignoresWhitespace: false, what: "S3 bucket policy" },
  kms: { limit: 32_768, ignoresWhitespace: false, what: "KMS key policy" },
};

/**
 * Warns when the policy text exceeds its kind's (or service's) quota.
 *
 * @example
 * checkPolicySize({ ...context, text: bigText }); // [{ code: "policy-size-exceeds-quota", ... }]
 */
export function checkPolicySize({ policy, kind, text }: RuleContext): Finding[] {
  if (text === undefined) return [];
  const quota = kind === "resource" ? serviceQuota(policy) : BY_KIND[kind];
  if (!quota) return [];
  const size = quota.ignoresWhitespace ? text.replace(/\s/g, "").length : text.length;
  if (size <= quota.limit) return [];
  const counted = quota.ignoresWhitespace ? "non-white-space characters" : "characters";
  const message = `policy has ${size} ${counted}, more than the ${quota.limit} a ${quota.what} may hold`;
  return [finding("WARNING", "policy-size-exceeds-quota", message, policy.position)];
}

function serviceQuota(policy: PolicyDocument): Quota | undefined {
  const services = new Set<string>();
  for (const s of policy.statements) {
    for (const action of [...(s.action ?? []), ...(s.notAction ?? [])]) {
      const split = splitAction(action.value);
      if (split) services.add(split.service);
    }
  }
  const [only] = services;
  return services.size === 1 && only !== undefined ? BY_SERVICE[only] : undefined;
}
