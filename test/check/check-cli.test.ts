/**
 * `accesslab check` as a process: exit codes (0 clean, 1 findings at or
 * above the fail level, 2 unusable input), configuration from a file and
 * its errors with positions, report formats and `--output`, never a stack
 * trace. Findings here come from the cheapest source: an ignore entry
 * without a reason (a warning).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killCliProcesses, spawnCli } from "../support/cli-process.js";

afterEach(killCliProcesses);

const CLEAN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::EFS::FileSystem
    Properties:
      FileSystemPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "arn:aws:iam::000000000000:root" }
            Action: elasticfilesystem:ClientMount
`;

const NO_REASON = `Resources:
  Data:
    Type: AWS::EFS::FileSystem
    Metadata:
      accesslab:
        ignore:
          - id: efs-anonymous-mount-allowed
    Properties:
      FileSystemPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "arn:aws:iam::000000000000:root" }
            Action: elasticfilesystem:ClientMount
`;

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "accesslab-check-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(args: string[]) {
  const cli = spawnCli(["check", ...args]);
  const code = await cli.exited;
  return { code, ...cli.output() };
}

describe("accesslab check", () => {
  it("exits 0 for a clean template and prints the summary", async () => {
    const root = dir({ "t.yaml": CLEAN });
    const { code, stdout, stderr } = await run([join(root, "t.yaml")]);
    expect(stderr).toBe("");
    expect(stdout).toContain("summary: 1 file, 1 resource checked");
    expect(stdout).toContain("result: passed (no findings at or above `error`)");
    expect(code).toBe(0);
  });

  it("exits 1 only when a finding is at or above --fail-on", async () => {
    const root = dir({ "t.yaml": NO_REASON });
    const lenient = await run([root]);
    expect(lenient.stdout).toContain(
      "t.yaml:7:13  warning  accesslab-suppression-without-reason  Data",
    );
    expect(lenient.code).toBe(0);
    const strict = await run([root, "--fail-on", "warning"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("result: failed (findings at or above `warning`)");
  });

  it("takes failOn, format and ignore entries from the configuration; options win", async () => {
    const root = dir({
      "t.yaml": NO_REASON,
      "conf.yaml": "failOn: warning\nformat: json\n",
      "quiet.yaml":
        "failOn: warning\nignore:\n  - id: accesslab-suppression-*\n    reason: migrating\n",
    });
    const fromFile = await run([join(root, "t.yaml"), "--config", join(root, "conf.yaml")]);
    expect(fromFile.code).toBe(1);
    expect(JSON.parse(fromFile.stdout).summary.bySeverity.warning).toBe(1);
    const overridden = await run([
      join(root, "t.yaml"),
      "--config",
      join(root, "conf.yaml"),
      "--fail-on",
      "error",
      "--format",
      "text",
    ]);
    expect(overridden.code).toBe(0);
    expect(overridden.stdout).toContain("summary:");
    const suppressed = await run([join(root, "t.yaml"), "--config", join(root, "quiet.yaml")]);
    expect(suppressed.code).toBe(0);
    expect(suppressed.stdout).not.toContain("t.yaml:7:13");
    expect(suppressed.stdout).toMatch(/ {2}suppressed {9}1\n/);
  });

  it("exits 2 with the position for a malformed configuration", async () => {
    const root = dir({ "t.yaml": CLEAN, "bad.yaml": "ignore:\n  - id: x\n    reasn: typo\n" });
    const { code, stdout, stderr } = await run([root, "--config", join(root, "bad.yaml")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `accesslab: ${join(root, "bad.yaml")}:3:5: unknown field \`reasn\` in \`ignore[0]\`\n`,
    );
  });

  it("exits 2 for an unreadable template, still reporting the rest, with no stack trace", async () => {
    const root = dir({ "a.yaml": CLEAN, "b.yaml": "Resources:\n  X: [\n" });
    const { code, stdout, stderr } = await run([root]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/b\.yaml:3:1 {2}error {2}template\/\S+ {2}/);
    expect(stdout).toContain("result: unusable input (1 template error)");
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("exits 2 with the position for an unknown tag, a cycle and a missing reference", async () => {
    const root = dir({
      "tag.yaml":
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Nope x\n",
      "cycle.yaml":
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    DependsOn: B\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n",
      "ref.yaml":
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Missing.Arn\n",
    });
    const { code, stdout, stderr } = await run([root]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/tag\.yaml:5:18 {2}error {2}template\/\S+ .*!Nope/);
    expect(stdout).toMatch(/cycle\.yaml:\d+:\d+ {2}error {2}template\/\S+ .*[Cc]ircular/);
    expect(stdout).toMatch(/ref\.yaml:5:13 {2}error {2}template\/missing-ref {2}Fn .*Missing/);
    expect(stdout).toContain("result: unusable input (3 template errors)");
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("deploys through --role-arn: a function given that role is the deployment-role case", async () => {
    const arn = "arn:aws:iam::111122223333:role/deployer";
    const root = dir({
      "fn.yaml": `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: index.handler\n      Code: { ZipFile: x }\n      Role: ${arn}\n`,
    });
    const withRole = await run([root, "--role-arn", arn, "--format", "json"]);
    expect(withRole.code).toBe(1);
    const report = JSON.parse(withRole.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual(["iam-deployment-role-used-by-lambda"]);
    const without = await run([root, "--format", "json"]);
    expect(without.code).toBe(0);
    const bad = await run([root, "--role-arn", "deployer"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid --role-arn `deployer`");
  });

  it("applies --parameter to the templates that declare it, and only to them", async () => {
    const open = `Parameters:
  Policy: { Type: String, Default: none }
Conditions:
  WithPolicy: !Equals [!Ref Policy, iam-only]
Resources:
  Data:
    Type: AWS::EFS::FileSystem
    Properties:
      FileSystemPolicy: !If
        - WithPolicy
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "arn:aws:iam::000000000000:root" }
              Action: elasticfilesystem:ClientMount
        - !Ref AWS::NoValue
`;
    const root = dir({ "fs.yaml": open, "plain.yaml": CLEAN });
    const defaults = await run([root, "--format", "json"]);
    const rules = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(rules(defaults)).toEqual(["efs-anonymous-mount-allowed"]);
    const given = await run([root, "--format", "json", "--parameter", "Policy=iam-only"]);
    expect(given.code, given.stderr).toBe(0);
    expect(rules(given)).toEqual([]);
  });

  it("exits 2 for a missing path or an unknown option value", async () => {
    const missing = await run(["/nonexistent/accesslab/t.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "accesslab: cannot read `/nonexistent/accesslab/t.yaml`: no such file or directory\n",
    );
    const format = await run(["--format", "xml", "/nonexistent"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain(
      "unknown format `xml`: expected one of text, json, sarif, junit",
    );
  });

  it("writes SARIF to --output and nothing to stdout", async () => {
    const root = dir({ "t.yaml": NO_REASON });
    const out = join(root, "report.sarif");
    const { code, stdout } = await run([root, "--format", "sarif", "--output", out]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const log = JSON.parse(readFileSync(out, "utf8"));
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results[0].ruleId).toBe("accesslab-suppression-without-reason");
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 7,
      startColumn: 13,
    });
  });
});
