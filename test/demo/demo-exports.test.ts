/**
 * The demo as a CloudFormation stack: loading the bundled stack creates the
 * `demo-deployer` service role and records the stack `accesslab-demo`
 * whose exports carry the ids the demo generated (checked against the
 * services' own records); `exports` entries are read strictly with their
 * positions; and `examples/demo/app.yaml`, read with the account's exports,
 * deploys through the deployer role and fails with Lambda's message when
 * given the deployer role as its execution role.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDemoStack } from "../../src/demo/load.js";
import { DemoLoadError } from "../../src/demo/load-error.js";
import { readDemoStack } from "../../src/demo/read-stack.js";
import { createStack } from "../../src/services/cloudformation/create-stack.js";
import { stackEvents } from "../../src/services/cloudformation/events.js";
import { listExports } from "../../src/services/cloudformation/exports.js";
import { readStackTemplate } from "../../src/services/cloudformation/stack-template.js";
import { findStack } from "../../src/services/cloudformation/stacks.js";
import type { ServiceContext } from "../../src/services/context.js";
import { EC2_RECORD, type Subnet } from "../../src/services/ec2/model.js";
import { RECORD as EFS } from "../../src/services/efs/context.js";
import type { AccessPoint } from "../../src/services/efs/model.js";
import { getRole } from "../../src/services/iam/roles.js";
import { findFunction } from "../../src/services/lambda/functions.js";
import { LAMBDA_RECORD } from "../../src/services/lambda/model.js";
import { findSecret } from "../../src/services/secretsmanager/lookup.js";
import { memoryStore } from "../../src/store/memory/store.js";

const STACK = "examples/demo/stack.yaml";
const APP = readFileSync("examples/demo/app.yaml", "utf8");
const DEPLOYER = "arn:aws:iam::000000000000:role/demo-deployer";

function freshDemo(): ServiceContext {
  const ctx: ServiceContext = {
    store: memoryStore(),
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: "000000000000",
    region: "us-east-1",
  };
  loadDemoStack(ctx, readFileSync(STACK, "utf8"), STACK);
  return ctx;
}

function deployApp(ctx: ServiceContext, stackName: string, parameters: Record<string, string>) {
  const { template, imports } = readStackTemplate(ctx, APP, "app.yaml", { parameters, stackName });
  return createStack(ctx, {
    stackName,
    template,
    outputs: template.outputs,
    imports,
    parameters,
    roleArn: DEPLOYER,
    caller: { principalArn: "arn:aws:iam::000000000000:root" },
  });
}

describe("demo stack: CloudFormation exports and deployer role", () => {
  const ctx = freshDemo();
  const exported = new Map(listExports(ctx).map((e) => [e.name, e.value]));

  it("creates a service role that trusts CloudFormation", () => {
    const role = getRole(ctx, "demo-deployer");
    expect(JSON.parse(role.assumeRolePolicyDocument).Statement[0].Principal).toEqual({
      Service: "cloudformation.amazonaws.com",
    });
    expect(exported.get("accesslab-demo-DeployerRoleArn")).toBe(role.arn);
  });

  it("records the stack accesslab-demo whose exports are the generated ids", () => {
    const stack = findStack(ctx, "accesslab-demo");
    expect(stack?.status).toBe("CREATE_COMPLETE");
    const subnets = ctx.store.records.list<Subnet>(EC2_RECORD.subnet);
    const byName = (n: string) => subnets.find((s) => s.tags.some((t) => t.value === n))?.subnetId;
    expect(exported.get("accesslab-demo-SubnetA")).toBe(byName("demo-subnet-a"));
    expect(exported.get("accesslab-demo-SubnetB")).toBe(byName("demo-subnet-b"));
    const app = ctx.store.records
      .list<AccessPoint>(EFS.accessPoint)
      .find((a) => a.rootDirectory?.path === "/app");
    expect(exported.get("accesslab-demo-AppAccessPointArn")).toBe(app?.accessPointArn);
    expect(exported.get("accesslab-demo-AppAccessPoint")).toBe(app?.accessPointId);
    expect(exported.get("accesslab-demo-FileSystem")).toBe(app?.fileSystemId);
    expect(exported.get("accesslab-demo-SecretArn")).toBe(findSecret(ctx, "demo/db")?.arn);
    expect(exported.get("accesslab-demo-FunctionSecurityGroup")).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(stack?.outputs.map((o) => o.exportName)).toEqual(
      stack?.outputs.map((o) => `accesslab-demo-${o.key}`),
    );
  });

  it("deploys app.yaml through the deployer role with the demo's ids", () => {
    const app = deployApp(ctx, "app", {});
    expect(app.status).toBe("CREATE_COMPLETE");
    expect(app.roleArn).toBe(DEPLOYER);
    const name = app.outputs.find((o) => o.key === "FunctionName")?.value ?? "";
    const fn = findFunction(ctx, name);
    expect(fn?.fileSystemConfigs).toEqual([
      { arn: exported.get("accesslab-demo-AppAccessPointArn"), localMountPath: "/mnt/app" },
    ]);
    expect(fn?.vpcConfig?.subnetIds).toEqual([
      exported.get("accesslab-demo-SubnetA"),
      exported.get("accesslab-demo-SubnetB"),
    ]);
    expect(fn?.environment).toEqual({ SECRET_ID: "demo/db" });
    expect(app.imports).toContain("accesslab-demo-AppAccessPointArn");
  });

  it("rolls app.yaml back with Lambda's message when its role is the deployer role", () => {
    const before = ctx.store.records.list(LAMBDA_RECORD.function).length;
    const bad = deployApp(ctx, "demo-app-deployer-role", { ExecutionRoleArn: DEPLOYER });
    expect(bad.status).toBe("ROLLBACK_COMPLETE");
    expect(bad.resources.map((r) => [r.logicalId, r.status])).toEqual([
      ["Function", "DELETE_COMPLETE"],
    ]);
    expect(ctx.store.records.list(LAMBDA_RECORD.function)).toHaveLength(before);
    const events = stackEvents(ctx, bad.stackId);
    expect(
      events.find((e) => e.resourceStatus === "CREATE_FAILED")?.resourceStatusReason,
    ).toContain("The role defined for the function cannot be assumed by Lambda.");
    expect(bad.statusReason).toBe(
      "The following resource(s) failed to create: [Function]. Rollback requested by user.",
    );
  });
});

describe("demo stack: the exports section", () => {
  const head = `network:
  vpc: { name: v, cidr: 10.0.0.0/16 }
  subnets:
    - { name: a, cidr: 10.0.1.0/24, availabilityZone: us-east-1a }
exports:
`;
  const problem = (entry: string) => {
    const { stack, error } = readDemoStack(`${head}${entry}\n`);
    expect(stack).toBeUndefined();
    return `${error?.position?.line}:${error?.position?.column}: ${error?.message}`;
  };

  it("reads output keys, names and `.Arn`", () => {
    const { stack } = readDemoStack(`${head}  Sub: a\n`);
    expect(stack?.exports).toEqual([
      { key: "Sub", name: "a", arn: false, position: { line: 6, column: 8 } },
    ]);
  });

  it("refuses bad keys, unknown names and `.Arn` where there is none, with positions", () => {
    expect(problem("  Sub-net: a")).toBe(
      "6:3: export key `Sub-net` must be letters and digits (it is the output's name)",
    );
    expect(problem("  Sub: b")).toBe(
      "6:8: unknown name `b`: a reference must name a resource defined earlier in the file",
    );
    expect(problem("  Sub: a.Arn")).toBe(
      "6:8: `a` is a subnet: `.Arn` applies to an access point or the file system",
    );
  });

  it("refuses to load a demo whose stack name is already used in the state", () => {
    const ctx = freshDemo();
    ctx.store.records.delete("demo/loaded", "stack");
    let error: unknown;
    try {
      loadDemoStack(ctx, `${head}  Sub: a\n`, "again.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemoLoadError);
    expect((error as Error).message).toBe(
      "again.yaml:6:8: creating the stack `accesslab-demo`: AlreadyExistsException: Stack [accesslab-demo] already exists",
    );
  });
});
