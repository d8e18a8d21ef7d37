/**
 * CloudFormation exports through the server with the real
 * `@aws-sdk/client-cloudformation`: a stack's `Export.Name` shown in
 * DescribeStacks and ListExports, `Fn::ImportValue` in another stack's
 * TemplateBody resolved to the exported value, an unknown import failing
 * the stack, and DeleteStack of an imported exporter ending DELETE_FAILED.
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  ListExportsCommand,
} from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let cfn: CloudFormationClient;

beforeAll(async () => {
  server = await startTestServer();
  cfn = new CloudFormationClient(server.config());
});
afterAll(() => server.close());

const EXPORTER = `Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: {Name: shared/db, SecretString: s3cr3t}
Outputs:
  SecretArn:
    Value: !Ref Secret
    Export: {Name: !Sub "\${AWS::StackName}-SecretArn"}
`;

const IMPORTER = (name: string) => `Resources:
  Copy:
    Type: AWS::SecretsManager::Secret
    Properties: {Name: app/pointer, SecretString: !ImportValue ${name}}
Outputs:
  Pointer:
    Value: !ImportValue ${name}
`;

async function stack(name: string) {
  const out = await cfn.send(new DescribeStacksCommand({ StackName: name }));
  return out.Stacks?.[0];
}

describe("CloudFormation exports (SDK)", () => {
  it("lists exports, resolves imports and protects an imported export", async () => {
    await cfn.send(new CreateStackCommand({ StackName: "shared", TemplateBody: EXPORTER }));
    const shared = await stack("shared");
    expect(shared?.StackStatus).toBe("CREATE_COMPLETE");
    const output = shared?.Outputs?.[0];
    expect(output?.ExportName).toBe("shared-SecretArn");
    expect(output?.OutputValue).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:shared\/db-/,
    );

    const listed = await cfn.send(new ListExportsCommand({}));
    expect(listed.Exports).toEqual([
      { ExportingStackId: shared?.StackId, Name: "shared-SecretArn", Value: output?.OutputValue },
    ]);

    await cfn.send(
      new CreateStackCommand({ StackName: "app", TemplateBody: IMPORTER("shared-SecretArn") }),
    );
    const app = await stack("app");
    expect(app?.StackStatus).toBe("CREATE_COMPLETE");
    expect(app?.Outputs?.[0]?.OutputValue).toBe(output?.OutputValue);

    await cfn.send(new DeleteStackCommand({ StackName: "shared" }));
    const refused = await stack("shared");
    expect(refused?.StackStatus).toBe("DELETE_FAILED");
    expect(refused?.StackStatusReason).toBe(
      "Export shared-SecretArn cannot be deleted as it is in use by app",
    );
    expect((await cfn.send(new ListExportsCommand({}))).Exports).toHaveLength(1);
  });

  it("fails a stack that imports an export nobody has", async () => {
    await cfn.send(
      new CreateStackCommand({ StackName: "orphan", TemplateBody: IMPORTER("no-such-export") }),
    );
    const orphan = await stack("orphan");
    expect(orphan?.StackStatus).toBe("ROLLBACK_COMPLETE");
    expect(orphan?.StackStatusReason).toBe(
      "No export named no-such-export found. Rollback requested by user.",
    );
  });
});
