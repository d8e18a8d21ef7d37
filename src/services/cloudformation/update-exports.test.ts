import { describe, expect, it } from "vitest";
import { findRole } from "../iam/roles.js";
import { stackEvents } from "./events.js";
import { cfnTestContext } from "./template.test-support.js";
import { deployBody, updateBody } from "./update.test-support.js";

const NETWORK = (o: { description: string; exported: boolean; extra?: boolean }) => `Resources:
  Shared:
    Type: AWS::IAM::Role
    Properties:
      Description: ${o.description}
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
Outputs:
  Plain:
    Value: ${o.extra ? "two" : "one"}
${
  o.exported
    ? `  SharedRoleArn:
    Value: !GetAtt Shared.Arn
    Export: {Name: network-role}
`
    : ""
}`;

const APP = `Resources:
  Uses:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      Description: !ImportValue network-role
`;

const reasonOf = (ctx: ReturnType<typeof cfnTestContext>, stackId: string) =>
  stackEvents(ctx, stackId).find((e) => e.resourceStatus === "UPDATE_ROLLBACK_IN_PROGRESS")
    ?.resourceStatusReason;

describe("stack updates and exports in use", () => {
  it("refuses to drop an export another stack imports", () => {
    const ctx = cfnTestContext();
    const network = deployBody(ctx, "network", NETWORK({ description: "v1", exported: true }));
    expect(deployBody(ctx, "app", APP).status).toBe("CREATE_COMPLETE");
    const ended = updateBody(ctx, "network", NETWORK({ description: "v1", exported: false }));
    expect(ended.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(reasonOf(ctx, network.stackId)).toBe(
      "Cannot delete export network-role as it is in use by app",
    );
    expect(ended.outputs).toEqual(network.outputs);
  });

  it("refuses to change an export another stack imports, and deletes the replacement it made", () => {
    const ctx = cfnTestContext();
    const network = deployBody(ctx, "network", NETWORK({ description: "v1", exported: true }));
    const original = network.resources[0]?.physicalId ?? "";
    deployBody(ctx, "app", APP);
    const ended = updateBody(ctx, "network", NETWORK({ description: "v2", exported: true }));
    expect(ended.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(reasonOf(ctx, network.stackId)).toBe(
      "Export network-role cannot be updated as it is in use by app",
    );
    expect(findRole(ctx, original)?.description).toBe("v1");
    const roles = ctx.store.records.list<{ roleName: string }>("iam/role").map((r) => r.roleName);
    expect(roles.filter((r) => r.startsWith("network-"))).toEqual([original]);
  });

  it("lets an update keep an imported export unchanged", () => {
    const ctx = cfnTestContext();
    deployBody(ctx, "network", NETWORK({ description: "v1", exported: true }));
    deployBody(ctx, "app", APP);
    const ended = updateBody(
      ctx,
      "network",
      NETWORK({ description: "v1", exported: true, extra: true }),
    );
    expect(ended.status).toBe("UPDATE_COMPLETE");
    expect(ended.outputs.find((o) => o.key === "Plain")?.value).toBe("two");
  });

  it("lets the importing stack be updated, and then drop the export once nothing imports it", () => {
    const ctx = cfnTestContext();
    deployBody(ctx, "network", NETWORK({ description: "v1", exported: true }));
    deployBody(ctx, "app", APP);
    const withoutImport = APP.replace("      Description: !ImportValue network-role\n", "");
    const app = updateBody(ctx, "app", withoutImport);
    expect(app.status).toBe("UPDATE_COMPLETE");
    expect(app.imports).toBeUndefined();
    const network = updateBody(ctx, "network", NETWORK({ description: "v1", exported: false }));
    expect(network.status).toBe("UPDATE_COMPLETE");
  });
});
