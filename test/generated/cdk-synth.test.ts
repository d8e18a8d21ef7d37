/**
 * Real aws-cdk-lib output: the app in `examples/cdk` (a VPC, an EFS file
 * system, two access points, two functions mounting them with
 * `lambda.FileSystem.fromEfsAccessPoint`) is synthesized offline with plain
 * node into three cloud assemblies: as written (the
 * `@aws-cdk/aws-efs:denyAnonymousAccess` feature flag on), with the flag
 * off, and with the `/archive` access point's `createAcl` left out.
 * `accesslab check` on each `cdk.out` must report nothing on the first
 * (CDK's policy lets only IAM clients in, and the functions' roles get
 * ClientMount from their own policies: a combination that must not be
 * flagged), exactly `efs-anonymous-mount-allowed` on the file system on the
 * second, and exactly the missing root directory (on the access point, and
 * on the function whose mount fails) on the third, each inside its
 * resource in the stack template. The first is the fix of the other two.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CheckRun,
  checkJson,
  cleanEnvironment,
  findingKeys,
  readGenerated,
  resourceAtLine,
  resourcesOfType,
  runNode,
  scratchDirectory,
} from "./generated-support.js";

const APP = join(process.cwd(), "examples", "cdk", "app.mjs");
const TEMPLATE = "ReportsStack.template.json";

interface Variant {
  readonly assembly: string;
  readonly template: string;
  readonly run: CheckRun;
}

let deny: Variant;
let open: Variant;
let noCreateAcl: Variant;

/** Synthesizes the app into `root/name/cdk.out` with the app's choices in `env`, then checks it. */
async function synthAndCheck(
  root: string,
  name: string,
  choices: Readonly<Record<string, string>>,
): Promise<Variant> {
  const assembly = join(root, name, "cdk.out");
  const env = cleanEnvironment(root, { CDK_OUTDIR: assembly, ...choices });
  await runNode([APP], { cwd: root, env });
  return { assembly, template: join(assembly, TEMPLATE), run: await checkJson(assembly) };
}

let root: string;

beforeAll(async () => {
  root = scratchDirectory("accesslab-cdk-synth-");
  [deny, open, noCreateAcl] = await Promise.all([
    synthAndCheck(root, "deny", { DENY_ANONYMOUS_ACCESS: "true" }),
    synthAndCheck(root, "open", { DENY_ANONYMOUS_ACCESS: "false" }),
    synthAndCheck(root, "no-create-acl", { ARCHIVE_CREATE_ACL: "false" }),
  ]);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The logical id of the one resource of `type` whose properties' JSON contains `needle`. */
function resourceWith(text: string, type: string, needle: string): string {
  const template = JSON.parse(text) as { Resources: Record<string, { Properties?: unknown }> };
  const ids = resourcesOfType(text, type).filter((id) =>
    JSON.stringify(template.Resources[id]?.Properties).includes(needle),
  );
  expect(ids, `one ${type} with ${needle}`).toHaveLength(1);
  return ids[0] ?? "";
}

describe("an aws-cdk-lib app synthesized with plain node", () => {
  it("mounts two access points of one file system from two functions", () => {
    const text = readGenerated(deny.template);
    expect(resourcesOfType(text, "AWS::EFS::FileSystem")).toHaveLength(1);
    expect(resourcesOfType(text, "AWS::EFS::AccessPoint")).toHaveLength(2);
    expect(resourcesOfType(text, "AWS::EFS::MountTarget")).toHaveLength(2);
    const template = JSON.parse(text) as {
      Resources: Record<string, { Type: string; Properties: { FileSystemConfigs?: unknown[] } }>;
    };
    const mounting = Object.values(template.Resources).filter(
      (r) => r.Type === "AWS::Lambda::Function" && r.Properties.FileSystemConfigs?.length === 1,
    );
    expect(mounting).toHaveLength(2);
  });

  it("checks every resource of the stack template, without errors", () => {
    for (const variant of [deny, open, noCreateAcl]) {
      const template = JSON.parse(readGenerated(variant.template)) as {
        Resources: Record<string, unknown>;
      };
      expect(variant.run.stderr).toBe("");
      expect(variant.run.files).toEqual([
        { file: variant.template, resources: Object.keys(template.Resources).length },
      ]);
      expect(variant.run.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    }
  });

  it("with denyAnonymousAccess on: a policy for IAM clients only, and no findings", () => {
    const template = JSON.parse(readGenerated(deny.template)) as {
      Resources: Record<string, { Type: string; Properties: { FileSystemPolicy?: unknown } }>;
    };
    const [fileSystem] = Object.values(template.Resources).filter(
      (r) => r.Type === "AWS::EFS::FileSystem",
    );
    expect(JSON.stringify(fileSystem?.Properties.FileSystemPolicy)).toContain(
      "elasticfilesystem:AccessedViaMountTarget",
    );
    expect(findingKeys(deny.run.findings)).toEqual([]);
    expect(deny.run.code).toBe(0);
  });

  it("with denyAnonymousAccess off: anonymous clients can mount the file system", () => {
    const text = readGenerated(open.template);
    const [fileSystem] = resourcesOfType(text, "AWS::EFS::FileSystem");
    expect(text).not.toContain("FileSystemPolicy");
    expect(findingKeys(open.run.findings)).toEqual([
      `efs-anonymous-mount-allowed on ${fileSystem}`,
    ]);
    // A warning: it does not fail the check at the default level (error).
    expect(open.run.code).toBe(0);
  });

  it("without createAcl on /archive: the root directory is never created, the mount fails", () => {
    const text = readGenerated(noCreateAcl.template);
    const accessPoint = resourceWith(text, "AWS::EFS::AccessPoint", '"Path":"/archive"');
    const fn = resourceWith(text, "AWS::Lambda::Function", '"LocalMountPath":"/mnt/archive"');
    expect(JSON.stringify(JSON.parse(text).Resources[accessPoint])).not.toContain("CreationInfo");
    expect(findingKeys(noCreateAcl.run.findings)).toEqual(
      [
        `efs-access-point-no-creation-info on ${accessPoint}`,
        `lambda-efs-root-directory-missing on ${fn}`,
      ].sort(),
    );
    expect(noCreateAcl.run.code).toBe(1);
  });

  it("places each finding inside its resource in the stack template", () => {
    expect(open.run.findings.length + noCreateAcl.run.findings.length).toBe(3);
    for (const variant of [open, noCreateAcl]) {
      const text = readGenerated(variant.template);
      for (const finding of variant.run.findings) {
        expect(finding.file).toBe(variant.template);
        expect(finding.line, `${finding.ruleId} has no line`).toBeGreaterThan(0);
        expect(finding.column).toBeGreaterThan(0);
        expect(resourceAtLine(text, finding.line ?? 0)).toBe(finding.logicalId);
      }
    }
  });
});
