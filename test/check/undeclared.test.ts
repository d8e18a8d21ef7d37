/**
 * What the checker does with things a template uses but does not declare:
 * roles of the account (emulated, with a warning), the stack's service role
 * (emulated as CloudFormation service roles are), and ids it cannot know
 * (left out, with a warning, never a finding).
 */
import { describe, expect, it } from "vitest";
import type { DeploymentSetting } from "../../src/check/deployment-setting.js";
import { emulationProbe } from "../../src/check/emulation-probe.js";
import { parseCloudFormation } from "../../src/templates/cfn/parse-template.js";

const fn = (role: string, extra = "") => `
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async () => 1" }
      Role: ${role}
${extra}`;

function check(text: string, setting: DeploymentSetting = {}) {
  const { document } = parseCloudFormation(text, "t.yaml");
  if (document === undefined) throw new Error("unreadable");
  const { findings, diagnostics } = emulationProbe(document, setting);
  return {
    rules: findings.map((f) => `${f.logicalId} ${f.ruleId}`),
    warnings: diagnostics.map((d) => `${d.logicalId ?? "-"} ${d.code} ${d.position?.line ?? 0}`),
    findings,
    diagnostics,
  };
}

describe("undeclared roles", () => {
  it("emulates an account's existing execution role instead of reporting Lambda's refusal", () => {
    const { rules, warnings } = check(fn("arn:aws:iam::111122223333:role/existing-lambda"));
    expect(rules).toEqual([]);
    expect(warnings).toEqual(["Fn external-role-assumed 9"]);
  });

  it("refuses a role of another account, as Lambda does", () => {
    const text = fn(
      "arn:aws:iam::111122223333:role/one",
      "  Other:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: index.handler\n      Code: { ZipFile: x }\n      Role: arn:aws:iam::444455556666:role/two\n",
    );
    const { rules } = check(text);
    expect(rules).toEqual(["Other stack-resource-creation-fails"]);
  });

  it("emulates the stack's service role as trusting CloudFormation only, so Lambda refuses it", () => {
    const arn = "arn:aws:iam::111122223333:role/deployer";
    const setting: DeploymentSetting = {
      account: "111122223333",
      serviceRole: { arn, setting: "provider.iam.deploymentRole", file: "serverless.yml" },
    };
    const { rules, warnings, findings } = check(fn(arn), setting);
    expect(rules).toEqual(["Fn iam-deployment-role-used-by-lambda"]);
    expect(warnings).toEqual(["- service-role-assumed 0"]);
    expect(findings[0]?.evidence.join("\n")).toContain(
      "is the stack's service role: `provider.iam.deploymentRole` in serverless.yml",
    );
    // The same function with a role of its own is deployed.
    expect(check(fn("arn:aws:iam::111122223333:role/app"), setting).rules).toEqual([]);
  });

  it("takes the account of the undeclared roles for the emulated account", () => {
    const { findings } = check(
      `${fn("arn:aws:iam::111122223333:role/existing")}Outputs:\n  Account: { Value: !Ref AWS::AccountId }\n`,
    );
    expect(findings).toEqual([]);
  });
});

describe("undeclared ids", () => {
  it("leaves out, with a warning, a function in a subnet the template does not declare", () => {
    const vpc =
      "      VpcConfig:\n        SubnetIds: [subnet-0123456789abcdef0]\n        SecurityGroupIds: [sg-0123456789abcdef0]\n";
    const text = `${fn("!GetAtt Role.Arn", "")}${vpc}  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]\n`;
    const { rules, diagnostics } = check(text.replace("\n\n      VpcConfig", "\n      VpcConfig"));
    expect(rules).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.logicalId, d.position?.line])).toEqual([
      ["unknown-value-not-probed", "Fn", 11],
    ]);
    expect(diagnostics[0]?.message).toContain("`subnet-0123456789abcdef0` is not declared");
  });
});

describe("values only the real account knows", () => {
  it("leaves out, with a warning, a role whose policy names an imported ARN", () => {
    const text = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: !ImportValue shared-bucket-arn }]
`;
    const { rules, diagnostics } = check(text);
    expect(rules).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.logicalId, d.position?.line])).toEqual([
      ["unknown-value-not-probed", "Role", 10],
    ]);
    expect(diagnostics[0]?.message).toBe(
      "Fn::ImportValue `shared-bucket-arn` is only known in the real account, so Role and what depends on it are not probed",
    );
  });
});
