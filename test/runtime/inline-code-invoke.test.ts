/**
 * A function CloudFormation creates from inline `Code.ZipFile` source runs:
 * the source becomes `index.js` in the package, as CloudFormation makes it,
 * so `index.handler` answers Invoke through the real SDKs.
 */
import { CloudFormationClient, CreateStackCommand } from "@aws-sdk/client-cloudformation";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../serve/harness.js";

const TEMPLATE = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: inline-hello
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: |
          exports.handler = async (event) => ({ hello: event.name, file: __filename.split("/").pop() });
`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("inline Code.ZipFile", () => {
  it("runs as index.js, CommonJS, once CloudFormation has created the function", async () => {
    const cloudformation = new CloudFormationClient(server.config());
    await cloudformation.send(
      new CreateStackCommand({ StackName: "inline", TemplateBody: TEMPLATE }),
    );
    const lambda = new LambdaClient(server.config());
    const result = await lambda.send(
      new InvokeCommand({ FunctionName: "inline-hello", Payload: JSON.stringify({ name: "cfn" }) }),
    );
    expect(result.FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(result.Payload ?? new Uint8Array()).toString())).toEqual({
      hello: "cfn",
      file: "index.js",
    });
  });
});
