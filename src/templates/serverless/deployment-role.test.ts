import { describe, expect, it } from "vitest";
import { readDeploymentRole } from "./deployment-role.js";

describe("readDeploymentRole", () => {
  it("reads provider.iam.deploymentRole with its position", () => {
    const { deploymentRole, diagnostics } = readDeploymentRole(
      "serverless.yml",
      `service: api
provider:
  name: aws
  iam:
    deploymentRole: arn:aws:iam::123456789012:role/cfn-deploy
functions:
  hello: { handler: handler.hello }
`,
    );
    expect(diagnostics).toEqual([]);
    expect(deploymentRole).toEqual({
      arn: "arn:aws:iam::123456789012:role/cfn-deploy",
      setting: "provider.iam.deploymentRole",
      file: "serverless.yml",
      position: { line: 5, column: 21 },
    });
  });

  it("falls back to the older provider.cfnRole, and prefers deploymentRole when both are set", () => {
    const legacy = readDeploymentRole(
      "serverless.yml",
      "provider:\n  cfnRole: arn:aws:iam::123456789012:role/old\n",
    );
    expect(legacy.deploymentRole?.setting).toBe("provider.cfnRole");
    const both = readDeploymentRole(
      "serverless.yml",
      "provider:\n  cfnRole: arn:aws:iam::1:role/old\n  iam:\n    deploymentRole: arn:aws:iam::1:role/new\n",
    );
    expect(both.deploymentRole?.arn).toBe("arn:aws:iam::1:role/new");
    expect(both.diagnostics.map((d) => d.code)).toEqual(["serverless-both-deployment-roles"]);
  });

  it("keeps a Serverless variable symbolic and says to pass --role-arn", () => {
    const { deploymentRole, diagnostics } = readDeploymentRole(
      "serverless.yml",
      "provider:\n  iam:\n    deploymentRole: ${ssm:/deploy/role}\n",
    );
    expect(deploymentRole?.arn).toMatchObject({ symbolic: true });
    expect(diagnostics[0]?.message).toContain("`--role-arn`");
  });

  it("reads serverless.json, reports a service without a role as none, and bad YAML with its position", () => {
    const json = readDeploymentRole(
      "serverless.json",
      '{"provider": {"iam": {"deploymentRole": "arn:aws:iam::1:role/r"}}}',
    );
    expect(json.deploymentRole?.arn).toBe("arn:aws:iam::1:role/r");
    expect(readDeploymentRole("serverless.yml", "provider:\n  name: aws\n")).toEqual({
      diagnostics: [],
    });
    const bad = readDeploymentRole("serverless.yml", "provider: [\n");
    expect(bad.diagnostics[0]).toMatchObject({
      code: "serverless-config-syntax",
      severity: "error",
    });
    expect(bad.diagnostics[0]?.position?.line).toBeGreaterThan(0);
  });

  it("rejects a deployment role that is not a string", () => {
    const { diagnostics } = readDeploymentRole(
      "serverless.yml",
      "provider:\n  iam:\n    deploymentRole: { name: x }\n",
    );
    expect(diagnostics[0]).toMatchObject({
      code: "serverless-invalid-deployment-role",
      position: { line: 3, column: 21 },
    });
  });
});
