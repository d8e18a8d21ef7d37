/**
 * Real Serverless Framework v3 output: `examples/serverless` is copied to
 * a scratch directory twice and packaged offline with `serverless package`
 * (no credentials), once as written and once with both mistakes fixed
 * (no `provider.iam.deploymentRole`, a CreationInfo on the access point).
 * `accesslab check` must report exactly the seed findings on the first
 * (the deployment role as the execution role of the framework's
 * custom resource function; the access point whose root directory EFS
 * never creates, and the function whose mount therefore fails), each at a
 * position inside its resource in the packaged template, and nothing on
 * the second: every finding is the outcome of a probe, and fixing the input
 * makes the probe pass.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CheckRun,
  checkJson,
  cleanEnvironment,
  copyExample,
  findingKeys,
  readGenerated,
  resourceAtLine,
  runNode,
  scratchDirectory,
} from "./generated-support.js";

const EXAMPLE = "examples/serverless";
const SERVERLESS = join(process.cwd(), "node_modules", "serverless", "bin", "serverless.js");
const PACKAGED = join(".serverless", "cloudformation-template-update-stack.json");
const DEPLOYMENT_ROLE = "arn:aws:iam::111122223333:role/media-service-deployment";
const CUSTOM_RESOURCE_FUNCTION = "CustomDashresourceDashexistingDashs3LambdaFunction";

/** What `check` must report on the service as written, no more and no fewer. */
const EXPECTED = [
  `iam-deployment-role-used-by-lambda on ${CUSTOM_RESOURCE_FUNCTION}`,
  "efs-access-point-no-creation-info on ReportsAccessPoint",
  "lambda-efs-root-directory-missing on ReportLambdaFunction",
].sort();

/** `serverless.yml` with the deployment role removed and the access point's CreationInfo added. */
function fixService(text: string): string {
  const withoutRole = text.replace(`    deploymentRole: ${DEPLOYMENT_ROLE}\n`, "");
  const withCreationInfo = withoutRole.replace(
    "          Path: /reports\n",
    [
      "          Path: /reports",
      "          CreationInfo:",
      '            OwnerUid: "1001"',
      '            OwnerGid: "1001"',
      '            Permissions: "750"',
      "",
    ].join("\n"),
  );
  // The edits must have happened, or the "fixed" run would prove nothing.
  expect(withoutRole).not.toBe(text);
  expect(withCreationInfo).not.toBe(withoutRole);
  return withCreationInfo;
}

let original: string;
let fixed: string;
let asWritten: CheckRun;
let afterFix: CheckRun;

let root: string;

beforeAll(async () => {
  root = scratchDirectory("accesslab-serverless-");
  original = join(root, "original");
  fixed = join(root, "fixed");
  copyExample(EXAMPLE, original);
  copyExample(EXAMPLE, fixed);
  const service = join(fixed, "serverless.yml");
  writeFileSync(service, fixService(readFileSync(service, "utf8")));
  // Each run gets its own HOME: the framework writes its settings there.
  await Promise.all(
    [original, fixed].map((cwd) => {
      const home = `${cwd}-home`;
      mkdirSync(home);
      const env = cleanEnvironment(home, {
        SLS_TELEMETRY_DISABLED: "1",
        SLS_NOTIFICATIONS_MODE: "off",
        SLS_DEPRECATION_DISABLE: "*",
      });
      return runNode([SERVERLESS, "package"], { cwd, env });
    }),
  );
  [asWritten, afterFix] = await Promise.all([checkJson(original), checkJson(fixed)]);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a Serverless Framework v3 service packaged by `serverless package`", () => {
  it("gives the custom resource function the deployment role, as the framework does", () => {
    const template = JSON.parse(readGenerated(join(original, PACKAGED))) as {
      Resources: Record<string, { Properties: { Role?: unknown } }>;
    };
    expect(template.Resources[CUSTOM_RESOURCE_FUNCTION]?.Properties.Role).toBe(DEPLOYMENT_ROLE);
  });

  it("checks every resource of the packaged template, without errors", () => {
    expect(asWritten.stderr).toBe("");
    expect(asWritten.files.map((f) => f.file)).toEqual([join(original, PACKAGED)]);
    const template = JSON.parse(readGenerated(join(original, PACKAGED))) as {
      Resources: Record<string, unknown>;
    };
    expect(asWritten.files[0]?.resources).toBe(Object.keys(template.Resources).length);
    expect(asWritten.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reports exactly the seed findings", () => {
    expect(findingKeys(asWritten.findings)).toEqual(EXPECTED);
    expect(asWritten.code).toBe(1);
  });

  it("places each finding inside its resource in the packaged template", () => {
    const file = join(original, PACKAGED);
    const text = readGenerated(file);
    for (const finding of asWritten.findings) {
      expect(finding.file).toBe(file);
      expect(finding.line, `${finding.ruleId} has no line`).toBeGreaterThan(0);
      expect(finding.column).toBeGreaterThan(0);
      expect(resourceAtLine(text, finding.line ?? 0)).toBe(finding.logicalId);
    }
    const role = asWritten.findings.find((f) => f.ruleId === "iam-deployment-role-used-by-lambda");
    expect(text.split("\n")[(role?.line ?? 0) - 1]).toContain(`"Role": "${DEPLOYMENT_ROLE}"`);
  });

  it("reports nothing once the deployment role is dropped and the root directory gets CreationInfo", () => {
    const template = readGenerated(join(fixed, PACKAGED));
    expect(template).not.toContain(DEPLOYMENT_ROLE);
    expect(template).toContain('"CreationInfo"');
    expect(afterFix.stderr).toBe("");
    expect(afterFix.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(findingKeys(afterFix.findings)).toEqual([]);
    expect(afterFix.code).toBe(0);
  });
});
