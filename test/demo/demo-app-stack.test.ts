/**
 * The demo's `stacks` section: loading the bundled demo deploys
 * examples/demo/app.yaml as `accesslab-demo-app` through the deployer role,
 * so the function `demo-app` exists at once with its mount and network
 * (the banner says how to invoke it); entries are read strictly with
 * positions, and a stack that rolls back fails the load and leaves the
 * state empty.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoBanner } from "../../src/demo/banner.js";
import { loadDemoStack, loadedDemo } from "../../src/demo/load.js";
import { DemoLoadError } from "../../src/demo/load-error.js";
import { findStack } from "../../src/services/cloudformation/stacks.js";
import type { ServiceContext } from "../../src/services/context.js";
import { findFunction } from "../../src/services/lambda/functions.js";
import { memoryStore } from "../../src/store/memory/store.js";

const STACK = "examples/demo/stack.yaml";
const TEXT = readFileSync(STACK, "utf8");

function context(): ServiceContext {
  return {
    store: memoryStore(),
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: "000000000000",
    region: "us-east-1",
  };
}

describe("demo stack: application stacks", () => {
  it("deploys app.yaml as accesslab-demo-app, so demo-app exists with its mount", () => {
    const ctx = context();
    const loaded = loadDemoStack(ctx, TEXT, STACK);
    const { summary } = loaded;
    expect(summary.appStacks?.[0]?.name).toBe("accesslab-demo-app");
    expect(summary.appStacks?.[0]?.outputs.FunctionName).toBe("demo-app");
    expect(findStack(ctx, "accesslab-demo-app")?.status).toBe("CREATE_COMPLETE");
    const fn = findFunction(ctx, "demo-app");
    expect(fn?.fileSystemConfigs.map((c) => c.localMountPath)).toEqual(["/mnt/app"]);
    expect(fn?.vpcConfig?.subnetIds).toHaveLength(2);
    const banner = demoBanner(loaded, STACK, {
      endpoint: "http://127.0.0.1:4566",
      region: "us-east-1",
      root: { accessKeyId: "test", secretAccessKey: "test" },
    });
    expect(banner).toContain("lambda invoke --function-name demo-app out.json");
  });

  it("reads entries strictly, with positions", () => {
    const bad = (entry: string) => () =>
      loadDemoStack(context(), `${TEXT}${entry}`, "examples/demo/bad.yaml");
    expect(bad("  - name: 9lives\n    template: app.yaml\n")).toThrow(
      /^examples\/demo\/bad\.yaml:\d+:11: stack name `9lives` must start with a letter/,
    );
    expect(bad("  - name: x\n    template: ../secrets.yaml\n")).toThrow(
      /template `\.\.\/secrets\.yaml` must be a path inside the demo's folder/,
    );
    expect(bad("  - name: x\n    template: app.yaml\n    role: nobody\n")).toThrow(/`nobody`/);
    expect(bad("  - name: x\n    template: missing.yaml\n")).toThrow(
      /cannot read the template `missing\.yaml`: no such file/,
    );
  });

  it("fails the load, leaving nothing, when an application stack rolls back", () => {
    const ctx = context();
    const wrongRole = TEXT.replace(
      "      FunctionName: demo-app\n",
      "      FunctionName: demo-app\n      ExecutionRoleArn: arn:aws:iam::000000000000:role/demo-deployer\n",
    );
    expect(wrongRole).not.toBe(TEXT);
    expect(() => loadDemoStack(ctx, wrongRole, STACK)).toThrow(DemoLoadError);
    expect(() => loadDemoStack(ctx, wrongRole, STACK)).toThrow(
      /the stack `accesslab-demo-app` rolled back: Function: .*The role defined for the function cannot be assumed by Lambda/,
    );
    expect(loadedDemo(ctx)).toBeUndefined();
    expect(findFunction(ctx, "demo-app")).toBeUndefined();
  });
});
