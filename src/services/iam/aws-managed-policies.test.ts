import { describe, expect, it } from "vitest";
import { authorize, compilePolicySet } from "../../engines/policy/evaluate.js";
import { parsePolicy } from "../../engines/policy/parse.js";
import { validatePolicy } from "../../engines/policy/validate/validate.js";
import { AWS_MANAGED_POLICIES, awsManagedPolicy } from "./aws-managed-policies.js";

describe("AWS managed policies", () => {
  it("sit at their real ARNs", () => {
    expect([...AWS_MANAGED_POLICIES.keys()].sort()).toEqual([
      "arn:aws:iam::aws:policy/AdministratorAccess",
      "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientFullAccess",
      "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess",
      "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    ]);
  });

  it("are valid identity policies with one default version", () => {
    for (const policy of AWS_MANAGED_POLICIES.values()) {
      expect(policy.versions).toHaveLength(1);
      expect(policy.versions[0]?.versionId).toBe(policy.defaultVersionId);
      const text = policy.versions[0]?.document ?? "";
      const errors = validatePolicy(text, { kind: "identity" }).filter((f) => f.type === "ERROR");
      expect(errors, policy.policyName).toEqual([]);
    }
  });

  it("grant what their documents say", () => {
    const grants = (name: string, action: string) => {
      const policy = [...AWS_MANAGED_POLICIES.values()].find((p) => p.policyName === name);
      const document = parsePolicy(policy?.versions[0]?.document ?? "").policy;
      if (!document) throw new Error(name);
      const set = compilePolicySet({ identityPolicies: [{ document }] });
      return authorize(set, {
        principal: "arn:aws:iam::000000000000:role/app",
        action,
        resource: "arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-1",
      }).decision;
    };
    expect(
      grants("AmazonElasticFileSystemClientReadWriteAccess", "elasticfilesystem:ClientWrite"),
    ).toBe("Allowed");
    expect(
      grants("AmazonElasticFileSystemClientReadWriteAccess", "elasticfilesystem:ClientRootAccess"),
    ).toBe("ImplicitlyDenied");
    expect(
      grants("AmazonElasticFileSystemClientFullAccess", "elasticfilesystem:ClientRootAccess"),
    ).toBe("Allowed");
    expect(grants("AdministratorAccess", "elasticfilesystem:DeleteFileSystem")).toBe("Allowed");
  });

  it("are looked up by ARN", () => {
    expect(
      awsManagedPolicy("arn:aws:iam::aws:policy/SecretsManagerReadWrite")?.defaultVersionId,
    ).toBe("v5");
    expect(awsManagedPolicy("arn:aws:iam::aws:policy/Nope")).toBeUndefined();
  });
});
