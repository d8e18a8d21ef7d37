import { describe, expect, it } from "vitest";
import { createStack } from "./create-stack.js";
import { cfnTestContext, ROOT } from "./template.test-support.js";
import { readTemplateBody } from "./template-body.js";

const SAM = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): return 1"
Outputs:
  Arn:
    Value: !GetAtt Fn.Arn
`;

describe("readTemplateBody", () => {
  it("applies the SAM transform, so the generated role and function deploy", () => {
    const template = readTemplateBody(SAM, "sam.yaml", { stackName: "sam" });
    expect(template.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(template.resources.map((r) => r.type).sort()).toEqual([
      "AWS::IAM::Role",
      "AWS::Lambda::Function",
    ]);
    const ctx = cfnTestContext();
    const stack = createStack(ctx, {
      stackName: "sam",
      template,
      outputs: template.outputs,
      caller: ROOT,
    });
    expect(stack.status).toBe("CREATE_COMPLETE");
    expect(stack.outputs[0]?.value).toMatch(
      /^arn:aws:lambda:us-east-1:000000000000:function:sam-Fn-/,
    );
  });

  it("keeps the reader's diagnostics for text it cannot read", () => {
    const template = readTemplateBody("Resources:\n  A: !Reff x\n", "t.yaml");
    expect(template.resources).toEqual([]);
    expect(template.diagnostics[0]).toMatchObject({
      severity: "error",
      position: { line: 2, column: 6 },
    });
  });
});
