import { describe, expect, it } from "vitest";
import { deploymentSettingOf } from "./deployment-setting.js";

function reader(files: Record<string, string>) {
  return (file: string) => {
    const text = files[file];
    if (text === undefined) throw new Error(`cannot read \`${file}\``);
    return text;
  };
}

const PACKAGED = "svc/.serverless/cloudformation-template-update-stack.json";

describe("deploymentSettingOf", () => {
  it("takes a packaged Serverless template's service role and account from serverless.yml", () => {
    const { setting, diagnostics } = deploymentSettingOf(
      PACKAGED,
      reader({
        "svc/serverless.yml":
          "service: a\nprovider:\n  name: aws\n  region: eu-west-1\n  iam:\n    deploymentRole: arn:aws:iam::111122223333:role/deployer\n",
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(setting.account).toBe("111122223333");
    expect(setting.region).toBe("eu-west-1");
    expect(setting.serviceRole).toMatchObject({
      arn: "arn:aws:iam::111122223333:role/deployer",
      setting: "provider.iam.deploymentRole",
      file: "svc/serverless.yml",
      position: { line: 6, column: 21 },
    });
  });

  it("has nothing to say for a service without a deployment role, or one built from variables", () => {
    const plain = reader({
      "svc/serverless.yml": "service: a\nprovider: {name: aws, region: ${opt:region}}\n",
    });
    expect(deploymentSettingOf(PACKAGED, plain).setting).toEqual({});
    const variable = reader({
      "svc/serverless.yml": "provider:\n  iam:\n    deploymentRole: ${ssm:/deploy/role}\n",
    });
    expect(deploymentSettingOf(PACKAGED, variable).setting.serviceRole).toBeUndefined();
  });

  it("takes a CDK stack's account and region from its manifest, unless environment-agnostic", () => {
    const manifest = (environment: string) =>
      JSON.stringify({
        version: "48.0.0",
        artifacts: {
          App: {
            type: "aws:cloudformation:stack",
            environment,
            properties: { templateFile: "App.template.json" },
          },
        },
      });
    const bound = reader({ "cdk.out/manifest.json": manifest("aws://111122223333/eu-west-1") });
    expect(deploymentSettingOf("cdk.out/App.template.json", bound).setting).toEqual({
      account: "111122223333",
      region: "eu-west-1",
    });
    const agnostic = reader({
      "cdk.out/manifest.json": manifest("aws://unknown-account/unknown-region"),
    });
    expect(deploymentSettingOf("cdk.out/App.template.json", agnostic).setting).toEqual({});
    expect(deploymentSettingOf("cdk.out/Other.template.json", bound).setting).toEqual({});
  });

  it("has nothing to say for a plain template", () => {
    expect(deploymentSettingOf("t.yaml", reader({})).setting).toEqual({});
  });
});
