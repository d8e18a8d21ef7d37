import { describe, expect, it } from "vitest";
import type { ServiceContext } from "../context.js";
import { findRole } from "../iam/roles.js";
import { createStack } from "./create-stack.js";
import { deleteStack } from "./delete-stack.js";
import { stackEvents } from "./events.js";
import { listExports } from "./exports.js";
import { readStackTemplate } from "./stack-template.js";
import { findStack } from "./stacks.js";
import { cfnTestContext, ROOT } from "./template.test-support.js";

const NETWORK = `Resources:
  Shared:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
Outputs:
  SharedRoleArn:
    Value: !GetAtt Shared.Arn
    Export: {Name: !Sub "\${AWS::StackName}-role"}
  NotExported:
    Value: plain
`;

const APP = (exportName: string) => `Resources:
  Uses:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      Description: !ImportValue ${exportName}
Outputs:
  Seen:
    Value: !ImportValue ${exportName}
`;

function deploy(ctx: ServiceContext, stackName: string, body: string) {
  const { template, imports } = readStackTemplate(ctx, body, "t.yaml", { stackName });
  return createStack(ctx, {
    stackName,
    template,
    outputs: template.outputs,
    imports,
    caller: ROOT,
  });
}

describe("exports and Fn::ImportValue in the deployer", () => {
  it("records export names, lists them and resolves imports to their values", () => {
    const ctx = cfnTestContext();
    const network = deploy(ctx, "network", NETWORK);
    expect(network.status).toBe("CREATE_COMPLETE");
    const roleArn = network.outputs.find((o) => o.key === "SharedRoleArn")?.value ?? "";
    expect(roleArn).toMatch(/^arn:aws:iam::000000000000:role\/network-Shared-/);
    expect(listExports(ctx)).toEqual([
      { name: "network-role", value: roleArn, stackId: network.stackId, stackName: "network" },
    ]);
    const app = deploy(ctx, "app", APP("network-role"));
    expect(app.status).toBe("CREATE_COMPLETE");
    expect(app.outputs).toEqual([{ key: "Seen", value: roleArn }]);
    expect(app.imports).toEqual(["network-role"]);
    const uses = app.resources.find((r) => r.logicalId === "Uses")?.physicalId ?? "";
    expect(findRole(ctx, uses)?.description).toBe(roleArn);
  });

  it("fails a stack importing an unknown export before creating anything", () => {
    const ctx = cfnTestContext();
    const app = deploy(ctx, "app", APP("nobody-exports-this"));
    expect(app.status).toBe("ROLLBACK_COMPLETE");
    expect(app.statusReason).toBe(
      "No export named nobody-exports-this found. Rollback requested by user.",
    );
    expect(app.resources).toEqual([]);
    const statuses = stackEvents(ctx, app.stackId).map((e) => e.resourceStatus);
    expect(statuses).toEqual(["CREATE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"]);
  });

  it("fails a second stack exporting a name already exported", () => {
    const ctx = cfnTestContext();
    deploy(ctx, "network", NETWORK);
    const twin = NETWORK.replace('!Sub "${AWS::StackName}-role"', "network-role");
    const second = deploy(ctx, "network-two", twin);
    expect(second.status).toBe("ROLLBACK_COMPLETE");
    expect(second.statusReason).toBe(
      "Export with name network-role is already exported by stack network. Rollback requested by user.",
    );
    expect(second.resources).toEqual([]);
    expect(listExports(ctx).map((e) => e.stackName)).toEqual(["network"]);
  });

  it("refuses to delete a stack whose export is imported, until the importer is gone", () => {
    const ctx = cfnTestContext();
    const network = deploy(ctx, "network", NETWORK);
    deploy(ctx, "app", APP("network-role"));
    const refused = deleteStack(ctx, "network", ROOT);
    expect(refused?.status).toBe("DELETE_FAILED");
    expect(refused?.statusReason).toBe(
      "Export network-role cannot be deleted as it is in use by app",
    );
    const shared = network.resources[0]?.physicalId ?? "";
    expect(findRole(ctx, shared)).toBeDefined();
    expect(stackEvents(ctx, network.stackId).at(-1)).toMatchObject({
      resourceStatus: "DELETE_FAILED",
      resourceStatusReason: "Export network-role cannot be deleted as it is in use by app",
    });
    expect(deleteStack(ctx, "app", ROOT)?.status).toBe("DELETE_COMPLETE");
    expect(deleteStack(ctx, "network", ROOT)?.status).toBe("DELETE_COMPLETE");
    expect(findRole(ctx, shared)).toBeUndefined();
    expect(findStack(ctx, "network")).toBeUndefined();
    expect(listExports(ctx)).toEqual([]);
  });

  it("does not count the imports of a stack that rolled back", () => {
    const ctx = cfnTestContext();
    deploy(ctx, "network", NETWORK);
    const failing = APP("network-role").replace("lambda.amazonaws.com", "not a principal");
    const app = deploy(ctx, "app", failing);
    expect(app.status).toBe("ROLLBACK_COMPLETE");
    expect(deleteStack(ctx, "network", ROOT)?.status).toBe("DELETE_COMPLETE");
  });
});
