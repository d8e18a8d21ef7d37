import { describe, expect, it } from "vitest";
import { findRole } from "../iam/roles.js";
import { thrown } from "../thrown.test-support.js";
import { getChangeSet, stackChangeSets } from "./change-set-store.js";
import { createChangeSet } from "./create-change-set.js";
import { CloudFormationError } from "./errors.js";
import { stackEvents } from "./events.js";
import { executeChangeSet } from "./execute-change-set.js";
import { findStack } from "./stacks.js";
import { cfnTestContext, ROOT } from "./template.test-support.js";

const BODY = (o: { description: string; secret?: boolean }) => `Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Description: !Sub "${o.description}-\${Env}"
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Runtime: nodejs20.x
      Handler: index.handler
      Code: {ZipFile: "exports.handler = async () => 1;"}
${
  o.secret === false
    ? ""
    : `  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: {Name: app/db, SecretString: pw}
`
}`;

const changeSet = (
  ctx: ReturnType<typeof cfnTestContext>,
  name: string,
  type: "CREATE" | "UPDATE",
  templateBody: string,
  parameters: { key: string; value?: string; usePreviousValue?: boolean }[] = [],
) =>
  createChangeSet(ctx, {
    changeSetName: name,
    stackName: "app",
    type,
    templateBody,
    parameters,
    capabilities: ["CAPABILITY_IAM"],
  });

const actions = (changes: readonly { action: string; logicalId: string; replacement?: string }[]) =>
  changes.map((c) => `${c.action} ${c.logicalId}${c.replacement ? ` ${c.replacement}` : ""}`);

describe("change sets", () => {
  it("CREATE: the stack waits in REVIEW_IN_PROGRESS, then is created under its id", () => {
    const ctx = cfnTestContext();
    const cs = changeSet(ctx, "cs1", "CREATE", BODY({ description: "v1" }));
    expect([cs.status, cs.executionStatus]).toEqual(["CREATE_COMPLETE", "AVAILABLE"]);
    expect(actions(cs.changes)).toEqual(["Add Role", "Add Secret", "Add Fn"]);
    const reviewing = findStack(ctx, "app");
    expect([reviewing?.status, reviewing?.resources]).toEqual(["REVIEW_IN_PROGRESS", []]);
    expect(reviewing?.stackId).toBe(cs.stackId);
    const stack = executeChangeSet(ctx, "cs1", "app", ROOT);
    expect(stack.status).toBe("CREATE_COMPLETE");
    expect(stack.stackId).toBe(cs.stackId);
    expect(stackEvents(ctx, stack.stackId).map((e) => e.resourceStatus)[0]).toBe(
      "REVIEW_IN_PROGRESS",
    );
    expect(getChangeSet(ctx, cs.changeSetId).executionStatus).toBe("EXECUTE_COMPLETE");
    const again = thrown(CloudFormationError, () =>
      executeChangeSet(ctx, cs.changeSetId, undefined, ROOT),
    );
    expect(again.code).toBe("InvalidChangeSetStatus");
  });

  it("CREATE on a stack that exists and UPDATE on one that does not are refused", () => {
    const ctx = cfnTestContext();
    const missing = thrown(CloudFormationError, () =>
      changeSet(ctx, "cs1", "UPDATE", BODY({ description: "v1" })),
    );
    expect(missing.message).toBe("Stack [app] does not exist");
    changeSet(ctx, "cs1", "CREATE", BODY({ description: "v1" }));
    // Still REVIEW_IN_PROGRESS: another CREATE change set is allowed, an UPDATE is not.
    expect(changeSet(ctx, "cs2", "CREATE", BODY({ description: "v1" })).status).toBe(
      "CREATE_COMPLETE",
    );
    expect(() => changeSet(ctx, "cs3", "UPDATE", BODY({ description: "v1" }))).toThrow(
      "Stack [app] does not exist",
    );
    executeChangeSet(ctx, "cs1", "app", ROOT);
    // Executing one deleted the others.
    expect(
      stackChangeSets(ctx, findStack(ctx, "app")?.stackId ?? "").map((c) => c.changeSetName),
    ).toEqual(["cs1"]);
    const exists = thrown(CloudFormationError, () =>
      changeSet(ctx, "cs4", "CREATE", BODY({ description: "v1" })),
    );
    expect(exists.message).toBe(
      "Stack [app] already exists and cannot be created again with the changeSet [cs4].",
    );
  });

  it("UPDATE lists Add, Modify (with replacement) and Remove, and executing it updates the stack", () => {
    const ctx = cfnTestContext();
    changeSet(ctx, "cs1", "CREATE", BODY({ description: "v1", secret: false }));
    const created = executeChangeSet(ctx, "cs1", "app", ROOT);
    const oldRole = created.resources.find((r) => r.logicalId === "Role")?.physicalId ?? "";
    const cs = changeSet(ctx, "cs2", "UPDATE", BODY({ description: "v2" }));
    expect(actions(cs.changes)).toEqual([
      "Modify Role True",
      "Add Secret",
      "Modify Fn Conditional",
    ]);
    expect(cs.changes[0]?.physicalId).toBe(oldRole);
    // Nothing happens until it is executed.
    expect(findRole(ctx, oldRole)?.description).toBe("v1-dev");
    const updated = executeChangeSet(ctx, "cs2", "app", ROOT);
    expect(updated.status).toBe("UPDATE_COMPLETE");
    const newRole = updated.resources.find((r) => r.logicalId === "Role")?.physicalId ?? "";
    expect(findRole(ctx, newRole)?.description).toBe("v2-dev");
    expect(findRole(ctx, oldRole)).toBeUndefined();
    const removing = changeSet(ctx, "cs3", "UPDATE", BODY({ description: "v2", secret: false }));
    expect(actions(removing.changes)).toEqual(["Remove Secret"]);
  });

  it("a change set without changes FAILS with CloudFormation's reason and cannot be executed", () => {
    const ctx = cfnTestContext();
    changeSet(ctx, "cs1", "CREATE", BODY({ description: "v1" }), [{ key: "Env", value: "prod" }]);
    executeChangeSet(ctx, "cs1", "app", ROOT);
    const same = changeSet(ctx, "cs2", "UPDATE", BODY({ description: "v1" }), [
      { key: "Env", usePreviousValue: true },
    ]);
    expect([same.status, same.executionStatus, same.statusReason]).toEqual([
      "FAILED",
      "UNAVAILABLE",
      "The submitted information didn't contain changes. Submit different information to create a change set.",
    ]);
    expect(same.parameters).toEqual({ Env: "prod" });
    const error = thrown(CloudFormationError, () => executeChangeSet(ctx, "cs2", "app", ROOT));
    expect(error.code).toBe("InvalidChangeSetStatus");
    // A new parameter value is a change.
    const changed = changeSet(ctx, "cs3", "UPDATE", BODY({ description: "v1" }), [
      { key: "Env", value: "test" },
    ]);
    expect(actions(changed.changes)).toEqual(["Modify Role True", "Modify Fn Conditional"]);
  });

  it("requires CAPABILITY_IAM for IAM resources and CAPABILITY_NAMED_IAM for named ones", () => {
    const ctx = cfnTestContext();
    const make = (body: string, capabilities: string[]) =>
      createChangeSet(ctx, {
        changeSetName: "cs1",
        stackName: "app",
        type: "CREATE",
        templateBody: body,
        capabilities,
      });
    const plain = BODY({ description: "v1" });
    const named = plain.replace(
      "    Properties:\n      Description",
      "    Properties:\n      RoleName: fixed\n      Description",
    );
    expect(named).toContain("RoleName: fixed");
    const none = thrown(CloudFormationError, () => make(plain, []));
    expect([none.code, none.message]).toEqual([
      "InsufficientCapabilitiesException",
      "Requires capabilities : [CAPABILITY_IAM]",
    ]);
    expect(thrown(CloudFormationError, () => make(named, ["CAPABILITY_IAM"])).message).toBe(
      "Requires capabilities : [CAPABILITY_NAMED_IAM]",
    );
    expect(findStack(ctx, "app")).toBeUndefined();
    expect(make(named, ["CAPABILITY_NAMED_IAM"]).status).toBe("CREATE_COMPLETE");
  });

  it("refuses an unreadable template with its position and makes no change set", () => {
    const ctx = cfnTestContext();
    const error = thrown(CloudFormationError, () =>
      changeSet(ctx, "cs1", "CREATE", "Resources:\n  Role: [unclosed\n"),
    );
    expect(error.code).toBe("ValidationError");
    expect(error.message).toMatch(/^Template format error: .*\(TemplateBody:\d+:\d+\)$/);
    expect(findStack(ctx, "app")).toBeUndefined();
  });
});
