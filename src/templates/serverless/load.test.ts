import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isServerlessInput, loadServerlessService } from "./load.js";
import { customResourceFunctions } from "./packaged-template.js";

const PACKAGED = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "HelloLambdaFunction": {
      "Type": "AWS::Lambda::Function",
      "Properties": { "Handler": "handler.hello", "Role": { "Fn::GetAtt": ["IamRoleLambdaExecution", "Arn"] } }
    },
    "CustomDashresourceDashexistingDashs3LambdaFunction": {
      "Type": "AWS::Lambda::Function",
      "Properties": { "Handler": "s3/handler.handler", "Role": "arn:aws:iam::123456789012:role/cfn-deploy" }
    }
  }
}
`;

const service = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-sls-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

describe("loadServerlessService", () => {
  it("reads the packaged template as origin serverless with the deployment role next to it", async () => {
    const dir = service({
      "serverless.yml":
        "provider:\n  iam:\n    deploymentRole: arn:aws:iam::123456789012:role/cfn-deploy\n",
      ".serverless/cloudformation-template-update-stack.json": PACKAGED,
    });
    for (const input of [
      dir,
      join(dir, "serverless.yml"),
      join(dir, ".serverless/cloudformation-template-update-stack.json"),
    ]) {
      const loaded = await loadServerlessService(input);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.document?.origin).toBe("serverless");
      expect(loaded.deploymentRole?.arn).toBe("arn:aws:iam::123456789012:role/cfn-deploy");
      expect(loaded.deploymentRole?.file).toBe(join(dir, "serverless.yml"));
    }
    const { document } = await loadServerlessService(dir);
    expect(document && customResourceFunctions(document)).toEqual([
      "CustomDashresourceDashexistingDashs3LambdaFunction",
    ]);
  });

  it("says to run `serverless package` when only serverless.yml is there", async () => {
    const dir = service({ "serverless.yml": "service: api\n" });
    const { document, diagnostics } = await loadServerlessService(join(dir, "serverless.yml"));
    expect(document).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "serverless-not-packaged",
        message: `\`serverless.yml\` is not packaged: run \`serverless package\` in \`${dir}\` first, then check \`${join(dir, ".serverless", "cloudformation-template-update-stack.json")}\``,
        file: join(dir, "serverless.yml"),
      },
    ]);
  });

  it("reports a broken packaged template with its position and a serverless.ts it cannot read", async () => {
    const dir = service({
      "serverless.ts": "export default {}",
      ".serverless/cloudformation-template-update-stack.json": '{\n  "Resources": {,}\n}',
    });
    const { document, diagnostics } = await loadServerlessService(dir);
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([
      ["json-syntax", 2],
      ["serverless-config-not-read", undefined],
    ]);
  });

  it("tells Serverless inputs from other paths", async () => {
    const dir = service({ "serverless.yml": "service: api\n" });
    expect(await isServerlessInput(dir)).toBe(true);
    expect(await isServerlessInput(join(dir, "template.yaml"))).toBe(false);
    expect((await loadServerlessService(join(dir, "nothing"))).diagnostics[0]?.code).toBe(
      "serverless-not-packaged",
    );
    expect((await loadServerlessService(join(service({}), "missing"))).diagnostics[0]?.code).toBe(
      "serverless-not-found",
    );
  });
});
