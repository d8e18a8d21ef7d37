import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { constructPathOf, constructPaths } from "./construct-path.js";
import { loadCdkAssembly } from "./load.js";

const stackArtifact = (template: string, extra: object = {}) => ({
  type: "aws:cloudformation:stack",
  environment: "aws://unknown-account/unknown-region",
  properties: {
    templateFile: template,
    cloudFormationExecutionRoleArn:
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-${AWS::AccountId}-${AWS::Region}",
    ...extra,
  },
});

const STORAGE = JSON.stringify(
  {
    Resources: {
      FilesFs1A2B3C4D: {
        Type: "AWS::EFS::FileSystem",
        Metadata: { "aws:cdk:path": "Storage/Files/Resource" },
      },
    },
  },
  null,
  1,
);
const APP = JSON.stringify({
  Resources: {
    WorkerFnABCD1234: {
      Type: "AWS::Lambda::Function",
      Properties: { Handler: "index.handler" },
      Metadata: { "aws:cdk:path": "App/Worker/Resource", "aws:asset:path": "asset.abc" },
    },
    CDKMetadata: { Type: "AWS::CDK::Metadata" },
  },
});

const assembly = (files: Record<string, unknown>) => {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-cdk-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(
      join(dir, name),
      typeof content === "string" ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
};

describe("loadCdkAssembly", () => {
  it("reads every stack of a cdk.out with two stacks, ignoring assets and the tree", async () => {
    const dir = assembly({
      "manifest.json": {
        version: "36.0.0",
        artifacts: {
          "Storage.assets": {
            type: "cdk:asset-manifest",
            properties: { file: "Storage.assets.json" },
          },
          Storage: stackArtifact("Storage.template.json"),
          App: {
            ...stackArtifact("App.template.json", { stackName: "my-app" }),
            dependencies: ["Storage", "App.assets"],
          },
          Tree: { type: "cdk:tree", properties: { file: "tree.json" } },
        },
      },
      "Storage.template.json": STORAGE,
      "App.template.json": APP,
    });
    const { stacks, diagnostics } = await loadCdkAssembly(dir);
    expect(diagnostics).toEqual([]);
    expect(
      stacks.map((s) => [s.artifact.artifactId, s.artifact.stackName, s.document?.origin]),
    ).toEqual([
      ["Storage", "Storage", "cdk"],
      ["App", "my-app", "cdk"],
    ]);
    expect(stacks[1]?.artifact.dependencies).toEqual(["Storage", "App.assets"]);
    expect(stacks[0]?.artifact.cloudFormationExecutionRoleArn).toContain("cfn-exec-role");
    expect(stacks[0]?.artifact.position).toEqual({ line: 10, column: 5 });
    const storage = stacks[0]?.document;
    expect(storage && constructPaths(storage)).toEqual(
      new Map([["FilesFs1A2B3C4D", "Storage/Files/Resource"]]),
    );
    const app = stacks[1]?.document;
    expect(app && [...constructPaths(app)]).toEqual([["WorkerFnABCD1234", "App/Worker/Resource"]]);
    expect(storage?.file).toBe(join(dir, "Storage.template.json"));
  });

  it("follows nested assemblies (CDK Stages)", async () => {
    const dir = assembly({
      "manifest.json": {
        artifacts: {
          "assembly-Prod": {
            type: "cdk:cloud-assembly",
            properties: { directoryName: "assembly-Prod" },
          },
        },
      },
      "assembly-Prod/manifest.json": {
        artifacts: { ProdStorage: stackArtifact("ProdStorage.template.json") },
      },
      "assembly-Prod/ProdStorage.template.json": STORAGE,
    });
    const { stacks, diagnostics } = await loadCdkAssembly(dir);
    expect(diagnostics).toEqual([]);
    expect(stacks.map((s) => s.artifact.stackName)).toEqual(["ProdStorage"]);
    expect(stacks[0]?.assemblyDirectory).toBe(join(dir, "assembly-Prod"));
  });

  it("reports a missing manifest, a missing template and a stack without templateFile", async () => {
    const empty = await loadCdkAssembly(assembly({}));
    expect(empty.diagnostics[0]).toMatchObject({ code: "cdk-no-manifest", severity: "error" });
    expect(empty.diagnostics[0]?.message).toContain("`cdk synth`");
    const dir = assembly({
      "manifest.json": {
        artifacts: {
          Gone: stackArtifact("Gone.template.json"),
          Bad: { type: "aws:cloudformation:stack" },
        },
      },
    });
    const { stacks, diagnostics } = await loadCdkAssembly(dir);
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([
      ["cdk-invalid-manifest", 11],
      ["unreadable", 3],
    ]);
    expect(stacks.map((s) => [s.artifact.artifactId, s.document])).toEqual([["Gone", undefined]]);
  });

  it("reports a broken manifest or template with its position", async () => {
    const dir = assembly({
      "manifest.json": { artifacts: { S: stackArtifact("S.template.json") } },
      "S.template.json": '{\n  "Resources": {\n    "A": }\n}',
    });
    const { diagnostics } = await loadCdkAssembly(dir);
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([["json-syntax", 3]]);
    const broken = await loadCdkAssembly(assembly({ "manifest.json": "{\n  artifacts" }));
    expect(broken.diagnostics.map((d) => [d.code, d.position?.line])).toEqual([["json-syntax", 2]]);
  });
});

describe("constructPathOf", () => {
  it("reads the path from resolved metadata and nothing from other shapes", () => {
    expect(constructPathOf({ "aws:cdk:path": "A/B/Resource" })).toBe("A/B/Resource");
    expect(constructPathOf(["aws:cdk:path"])).toBeUndefined();
    expect(constructPathOf(undefined)).toBeUndefined();
  });
});
