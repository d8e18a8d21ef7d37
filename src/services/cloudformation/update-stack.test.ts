import { describe, expect, it } from "vitest";
import { listFileSystems } from "../efs/control-plane.js";
import { findRole } from "../iam/roles.js";
import { findSecret } from "../secretsmanager/lookup.js";
import { thrown } from "../thrown.test-support.js";
import { CloudFormationError } from "./errors.js";
import { stackEvents } from "./events.js";
import { findStack } from "./stacks.js";
import { cfnTestContext } from "./template.test-support.js";
import { deployBody, trail, updateBody } from "./update.test-support.js";

const TRUST = (service: string) => `
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: ${service}}, Action: sts:AssumeRole}]`;

/** A role (generated name), an inline policy on it, and optionally a file system and a secret. */
const APP = (o: {
  description: string;
  action?: string;
  fs?: boolean;
  secret?: boolean;
  fnTrust?: string;
  roleName?: string;
}) => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Description: ${o.description}
${o.roleName ? `      RoleName: ${o.roleName}\n` : ""}      AssumeRolePolicyDocument:${TRUST("lambda.amazonaws.com")}
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: access
      Roles: [!Ref Role]
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Action: ${o.action ?? "s3:GetObject"}, Resource: "*"}]
${
  o.fs
    ? `  Fs:
    Type: AWS::EFS::FileSystem
    Properties: {Encrypted: true}
`
    : ""
}${
  o.secret
    ? `  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: {Name: app/db, SecretString: pw}
`
    : ""
}${
  o.fnTrust
    ? `  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:${TRUST(o.fnTrust)}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
      Runtime: nodejs20.x
      Handler: index.handler
      Code: {ZipFile: "exports.handler = async () => 1;"}
`
    : ""
}Outputs:
  RoleName:
    Value: !Ref Role
`;

describe("updateStack", () => {
  it("adds, replaces, updates in place and removes, deleting only during cleanup", () => {
    const ctx = cfnTestContext();
    const v1 = deployBody(ctx, "app", APP({ description: "v1", fs: true }));
    expect(v1.status).toBe("CREATE_COMPLETE");
    const oldRole = v1.resources.find((r) => r.logicalId === "Role")?.physicalId ?? "";
    const oldPolicy = v1.resources.find((r) => r.logicalId === "Policy")?.physicalId;
    const from = stackEvents(ctx, v1.stackId).length;
    const v2 = updateBody(
      ctx,
      "app",
      APP({ description: "v2", action: "s3:PutObject", secret: true }),
    );
    expect(v2.status).toBe("UPDATE_COMPLETE");
    expect(v2.resources.map((r) => r.logicalId).sort()).toEqual(["Policy", "Role", "Secret"]);
    const newRole = v2.resources.find((r) => r.logicalId === "Role")?.physicalId ?? "";
    expect(newRole).not.toBe(oldRole);
    expect(findRole(ctx, oldRole)).toBeUndefined();
    expect(findRole(ctx, newRole)?.description).toBe("v2");
    // The inline policy moved with the role, in place (same physical id), with the new document.
    expect(v2.resources.find((r) => r.logicalId === "Policy")?.physicalId).toBe(oldPolicy);
    expect(findRole(ctx, newRole)?.inlinePolicies.access).toContain("s3:PutObject");
    expect(listFileSystems(ctx)).toEqual([]);
    expect(findSecret(ctx, "app/db")).toBeDefined();
    expect(v2.outputs).toEqual([{ key: "RoleName", value: newRole }]);
    expect(trail(ctx, v1.stackId, from)).toEqual([
      "app UPDATE_IN_PROGRESS",
      "Role UPDATE_IN_PROGRESS",
      "Role UPDATE_IN_PROGRESS",
      "Role UPDATE_COMPLETE",
      "Secret CREATE_IN_PROGRESS",
      "Secret CREATE_IN_PROGRESS",
      "Secret CREATE_COMPLETE",
      "Policy UPDATE_IN_PROGRESS",
      "Policy UPDATE_COMPLETE",
      "app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
      "Fs DELETE_IN_PROGRESS",
      "Fs DELETE_COMPLETE",
      "Role DELETE_IN_PROGRESS",
      "Role DELETE_COMPLETE",
      "app UPDATE_COMPLETE",
    ]);
    const replacing = stackEvents(ctx, v1.stackId).filter(
      (e) => e.logicalResourceId === "Role" && e.resourceStatus === "UPDATE_IN_PROGRESS",
    );
    expect(replacing.map((e) => e.physicalResourceId)).toEqual([oldRole, newRole]);
    expect(replacing[1]?.resourceStatusReason).toMatch(/requires the creation of a new physical/);
  });

  it("rolls back a failed update: what it added is deleted, the originals stay", () => {
    const ctx = cfnTestContext();
    const v1 = deployBody(ctx, "app", APP({ description: "v1" }));
    const oldRole = v1.resources.find((r) => r.logicalId === "Role")?.physicalId ?? "";
    const from = stackEvents(ctx, v1.stackId).length;
    const ended = updateBody(
      ctx,
      "app",
      APP({ description: "v2", action: "s3:PutObject", fnTrust: "ecs-tasks.amazonaws.com" }),
    );
    expect(ended.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(ended.resources).toEqual(v1.resources);
    expect(findRole(ctx, oldRole)?.description).toBe("v1");
    expect(findRole(ctx, oldRole)?.inlinePolicies.access).toContain("s3:GetObject");
    // Only the original role is left: the replacement and the function's role are gone.
    const roles = ctx.store.records.list<{ roleName: string }>("iam/role").map((r) => r.roleName);
    expect(roles).toEqual([oldRole]);
    const events = stackEvents(ctx, v1.stackId).slice(from);
    const failed = events.find((e) => e.resourceStatus === "CREATE_FAILED");
    expect(failed?.logicalResourceId).toBe("Fn");
    expect(failed?.resourceStatusReason).toContain(
      "The role defined for the function cannot be assumed by Lambda.",
    );
    const rolling = events.find((e) => e.resourceStatus === "UPDATE_ROLLBACK_IN_PROGRESS");
    expect(rolling?.resourceStatusReason).toBe(
      "The following resource(s) failed to create: [Fn]. ",
    );
    expect(trail(ctx, v1.stackId, from).slice(-11)).toEqual([
      "app UPDATE_ROLLBACK_IN_PROGRESS",
      "Policy UPDATE_IN_PROGRESS",
      "Policy UPDATE_COMPLETE",
      "app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
      "Fn DELETE_IN_PROGRESS",
      "Fn DELETE_COMPLETE",
      "FnRole DELETE_IN_PROGRESS",
      "FnRole DELETE_COMPLETE",
      "Role DELETE_IN_PROGRESS",
      "Role DELETE_COMPLETE",
      "app UPDATE_ROLLBACK_COMPLETE",
    ]);
    expect(findStack(ctx, "app")?.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    // The stack can be updated again after a rollback.
    expect(updateBody(ctx, "app", APP({ description: "v3" })).status).toBe("UPDATE_COMPLETE");
  });

  it("refuses an update with nothing to change, in AWS's words", () => {
    const ctx = cfnTestContext();
    deployBody(ctx, "app", APP({ description: "v1" }));
    const error = thrown(CloudFormationError, () =>
      updateBody(ctx, "app", APP({ description: "v1" })),
    );
    expect([error.code, error.message]).toEqual([
      "ValidationError",
      "No updates are to be performed.",
    ]);
  });

  it("cannot replace a custom-named resource", () => {
    const ctx = cfnTestContext();
    const v1 = deployBody(ctx, "app", APP({ description: "v1", roleName: "app-fn" }));
    const ended = updateBody(ctx, "app", APP({ description: "v2", roleName: "app-fn" }));
    expect(ended.status).toBe("UPDATE_ROLLBACK_COMPLETE");
    const failed = stackEvents(ctx, v1.stackId).find((e) => e.resourceStatus === "UPDATE_FAILED");
    expect(failed?.resourceStatusReason).toBe(
      "CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename app-fn and update the stack again.",
    );
    expect(findRole(ctx, "app-fn")?.description).toBe("v1");
    // A new name is a replacement CloudFormation can make.
    expect(updateBody(ctx, "app", APP({ description: "v2", roleName: "app-fn2" })).status).toBe(
      "UPDATE_COMPLETE",
    );
    expect(findRole(ctx, "app-fn")).toBeUndefined();
    expect(findRole(ctx, "app-fn2")?.description).toBe("v2");
  });

  it("refuses to update a stack that rolled back its creation", () => {
    const ctx = cfnTestContext();
    const failed = deployBody(
      ctx,
      "app",
      APP({ description: "v1", fnTrust: "ecs-tasks.amazonaws.com" }),
    );
    expect(failed.status).toBe("ROLLBACK_COMPLETE");
    const error = thrown(CloudFormationError, () =>
      updateBody(ctx, "app", APP({ description: "v2" })),
    );
    expect(error.message).toBe(
      `Stack:${failed.stackId} is in ROLLBACK_COMPLETE state and can not be updated.`,
    );
  });
});
