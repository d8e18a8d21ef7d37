import { describe, expect, it } from "vitest";
import type { PolicyKind } from "../policy-kind.js";
import { validatePolicy } from "./validate.js";

/** A policy whose text is about `size` characters, padded with resource ARNs (and spaces when `spaces`). */
function policyOfSize(size: number, action: string, kind: PolicyKind, spaces = 0): string {
  const resources: string[] = [];
  const principal = kind === "resource" ? { Principal: { AWS: "111122223333" } } : {};
  const build = () =>
    JSON.stringify(
      {
        Version: "2012-10-17",
        Statement: { Effect: "Allow", ...principal, Action: action, Resource: resources },
      },
      null,
      spaces,
    );
  const name = (i: number) => `arn:aws:s3:::bucket-${String(i).padStart(6, "0")}`;
  resources.push(name(0));
  const one = build().length;
  resources.push(name(1));
  const each = build().length - one;
  for (let i = 2; one + (i - 1) * each <= size; i++) resources.push(name(i));
  return build();
}

const sizeCodes = (text: string, kind: PolicyKind) =>
  validatePolicy(text, { kind }).filter((f) => f.code === "policy-size-exceeds-quota");

describe("policy size", () => {
  it("warns above 6,144 non-white-space characters in an identity policy", () => {
    expect(sizeCodes(policyOfSize(6_300, "s3:GetObject", "identity"), "identity")).toEqual([
      expect.objectContaining({ type: "WARNING" }),
    ]);
    expect(sizeCodes(policyOfSize(6_000, "s3:GetObject", "identity"), "identity")).toEqual([]);
  });

  it("does not count white space for identity policies", () => {
    const spaced = policyOfSize(7_000, "s3:GetObject", "identity", 8);
    expect(spaced.replace(/\s/g, "").length).toBeLessThan(6_144);
    expect(sizeCodes(spaced, "identity")).toEqual([]);
  });

  it("uses the service's quota for resource policies: EFS 20,000", () => {
    const efs = policyOfSize(20_100, "elasticfilesystem:ClientMount", "resource");
    expect(sizeCodes(efs, "resource")).toHaveLength(1);
    const secrets = policyOfSize(20_100, "secretsmanager:GetSecretValue", "resource");
    expect(sizeCodes(secrets, "resource")).toEqual([]);
  });

  it("says nothing for resource policies of mixed or unknown services", () => {
    const mixed = policyOfSize(40_000, "ec2:DescribeInstances", "resource");
    expect(sizeCodes(mixed, "resource")).toEqual([]);
  });
});
