import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { validatePolicyFile } from "./validate-policy.js";

const BROKEN = "examples/policy-files/broken-efs-policy.json";
const CLEAN = "examples/policy-files/efs-iam-only.json";

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "validate-policy", ...args],
    {
      encoding: "utf8",
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("accesslab validate-policy (spawned)", () => {
  it("exits 0 for a clean policy", () => {
    const { code, stdout, stderr } = run(CLEAN, "--kind", "resource");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(`${CLEAN}: no findings\n`);
  });

  it("exits 1 and prints one line per finding when there are errors", () => {
    const { code, stdout } = run(BROKEN, "--kind", "resource");
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^examples\/policy-files\/broken-efs-policy\.json:8:29 {2}ERROR {2}unsupported-wildcard-in-principal {2}/,
      ),
      expect.stringMatching(
        /:9:18 {2}ERROR {2}unknown-action {2}.*did you mean `elasticfilesystem:ClientMount`$/,
      ),
      expect.stringMatching(/:15:5 {2}ERROR {2}missing-principal {2}/),
      `${BROKEN}: 3 errors`,
    ]);
  });

  it("prints SARIF 2.1.0", () => {
    const { code, stdout } = run(BROKEN, "--kind", "resource", "--format", "sarif");
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif).toMatchObject({ $schema: expect.stringContaining("sarif"), version: "2.1.0" });
    const [runEntry] = sarif.runs;
    expect(runEntry.tool.driver.name).toBe("accesslab");
    const ruleIds = runEntry.tool.driver.rules.map(
      (r: { id: string; shortDescription: { text: string } }) => {
        expect(r.shortDescription.text).not.toBe("");
        return r.id;
      },
    );
    expect(ruleIds).toEqual([
      "missing-principal",
      "unknown-action",
      "unsupported-wildcard-in-principal",
    ]);
    expect(runEntry.results[1]).toMatchObject({
      ruleId: "unknown-action",
      level: "error",
      message: { text: expect.stringContaining("ClientMout") },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: BROKEN },
            region: { startLine: 9, startColumn: 18 },
          },
        },
      ],
    });
  });

  it("exits 2 with one line on stderr for an unreadable file or an unknown kind", () => {
    const missing = run("no-such-policy.json");
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: "accesslab: cannot read `no-such-policy.json`: no such file or directory\n",
    });
    const kind = run(CLEAN, "--kind", "bucket");
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(
      /^accesslab: unknown kind `bucket`: expected one of identity, .*\n$/,
    );
    expect(kind.stderr.split("\n")).toHaveLength(2);
  });
});

describe("validatePolicyFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-validate-"));

  it("reports JSON with the file, kind and findings", async () => {
    const file = join(dir, "warn.json");
    writeFileSync(
      file,
      JSON.stringify({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } }),
    );
    const { output, exitCode } = await validatePolicyFile(file, {
      kind: "identity",
      format: "json",
    });
    expect(exitCode).toBe(0);
    expect(JSON.parse(output)).toEqual({
      file,
      kind: "identity",
      findings: [
        expect.objectContaining({
          type: "WARNING",
          code: "missing-version",
          position: { line: 1, column: 1 },
        }),
      ],
    });
  });

  it("maps finding types to SARIF levels", async () => {
    const file = join(dir, "levels.json");
    const statement = { Effect: "Allow", NotAction: ["s3:*", "s3:GetObject"], Resource: "*" };
    writeFileSync(file, JSON.stringify({ Statement: statement }));
    const { output } = await validatePolicyFile(file, {
      kind: "identity",
      format: "sarif",
      catalogue: false,
    });
    const levels = JSON.parse(output).runs[0].results.map(
      (r: { ruleId: string; level: string }) => [r.ruleId, r.level],
    );
    expect(levels).toEqual([
      ["missing-version", "warning"],
      ["allow-with-not-action", "warning"],
      ["redundant-action", "note"],
    ]);
  });

  it("treats malformed JSON as findings, not as unusable input", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, "{");
    const { output, exitCode } = await validatePolicyFile(file, {
      kind: "identity",
      format: "text",
    });
    expect(exitCode).toBe(1);
    expect(output).toContain("ERROR  json-syntax");
  });

  it("rejects an unknown format", async () => {
    await expect(
      validatePolicyFile(CLEAN, { kind: "identity", format: "xml" }),
    ).rejects.toBeInstanceOf(CliError);
  });
});
