/**
 * Runs the lab examples (seeds-digest sections 1 and 2) through the library
 * and through `accesslab lab`, and checks the outcomes AWS gave: every
 * expectation written in the scenarios holds, and the transcript shows the
 * facts the field reports observed.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLabEnvironment, seededRandom } from "../src/lab/environment.js";
import { runLab } from "../src/lab/run.js";
import { readLabScenario } from "../src/lab/scenario.js";

const dir = join(import.meta.dirname, "..", "examples", "lab");

function run(file: string) {
  const { scenario, error } = readLabScenario(readFileSync(join(dir, file), "utf8"));
  if (!scenario) throw new Error(`${file}: ${error?.message}`);
  return runLab(
    createLabEnvironment(scenario, seededRandom(1), () => 0),
    scenario.steps,
  );
}

describe("lab: seeds-digest section 1 (access points)", () => {
  const results = run("seed-access-points.yaml");
  const output = (i: number) => results[i]?.output.join("\n") ?? "";
  it("meets every expectation", () => {
    const checked = results.filter((r) => r.expectation);
    expect(checked.length).toBeGreaterThanOrEqual(6);
    expect(checked.filter((r) => !r.expectation?.met).map((r) => r.command)).toEqual([]);
  });
  it("leaves first.txt root-owned after the PosixUser 0:0 write", () => {
    const listing = results.find((r) => r.command.startsWith("ls -la /mnt/fn-root"));
    expect(listing?.output).toContainEqual(
      expect.stringMatching(/^-rwx------ +1 +0 +0 +\d+ first\.txt$/),
    );
  });
  it("refuses 1001's append with Permission denied", () => {
    const append = results.find((r) => r.command.includes(">> /mnt/fn-1001/first.txt"));
    expect(append?.errno).toBe("EACCES");
    expect(append?.output[0]).toMatch(/Permission denied$/);
  });
  it("creates /piyo as 1002:1002 drwxrw-r-- and lets only PosixUser 1002 write there", () => {
    const created = results.find(
      (r) => r.command.includes("/mnt/fn-piyo ") && r.step.kind === "mount",
    );
    expect(created?.output.join("\n")).toContain(
      "root directory /piyo (created, 1002:1002 drwxrw-r--)",
    );
    expect(results.find((r) => r.command.includes("/mnt/fn-piyo/from-993.txt"))?.errno).toBe(
      "EACCES",
    );
    const listing = results.find((r) => r.command.startsWith("ls -la /mnt/fn-piyo-1002"));
    expect(listing?.output).toContainEqual(
      expect.stringMatching(/^-rw-r--r-- +1 +1002 +1002 +\d+ from-1002\.txt$/),
    );
  });
  it("refuses every mount of /fuga", () => {
    expect(results.find((r) => r.command.includes("/mnt/fn-fuga"))?.refusal).toBe(
      "root-directory-missing",
    );
    expect(output(results.length - 1)).toContain("refused root-directory-missing");
  });
});

describe("lab: seeds-digest section 2 (IAM authorization)", () => {
  const results = run("seed-iam-authorization.yaml");
  it("meets every expectation", () => {
    const checked = results.filter((r) => r.expectation);
    expect(checked.length).toBeGreaterThanOrEqual(10);
    expect(checked.filter((r) => !r.expectation?.met).map((r) => r.command)).toEqual([]);
  });
  it("prints the NFS client's refusal and the decision that caused it", () => {
    const refused = results.find((r) => r.refusal === "access-denied");
    expect(refused?.output[0]).toBe(
      "mount.nfs4: access denied by server while mounting 127.0.0.1:/",
    );
    expect(refused?.output.join("\n")).toContain("principal `anonymous` is not named");
  });
  it("records refused anonymous connections as AccessDenied events", () => {
    const events = results[results.length - 1]?.output ?? [];
    expect(
      events.filter((e) => e.includes("refused AccessDenied") && e.includes("as anonymous")).length,
    ).toBe(2);
  });
});

describe("accesslab lab (command line)", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "lab", ...args], {
      encoding: "utf8",
    });
  it("prints a transcript and exits 0 when every expectation holds", () => {
    const run = cli(join(dir, "seed-access-points.yaml"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("bash: /mnt/fn-1001/first.txt: Permission denied");
    expect(run.stdout).toMatch(/expectations: \d+ met, 0 not met/);
  });
  it("prints one JSON object per step", () => {
    const run = cli("--format", "json", join(dir, "seed-iam-authorization.yaml"));
    const parsed = JSON.parse(run.stdout) as {
      steps: { step: number; ok: boolean; refusal?: string }[];
    };
    expect(parsed.steps[0]).toMatchObject({ step: 0, ok: true });
    expect(parsed.steps.some((s) => s.refusal === "access-denied")).toBe(true);
  });
  it("exits 1 when an expectation fails and 2 on a malformed scenario, with its position", () => {
    const bad = cli("test/fixtures/lab/bad-step.yaml");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^accesslab: test\/fixtures\/lab\/bad-step\.yaml:\d+:\d+: /);
    const unmet = cli("test/fixtures/lab/unmet.yaml");
    expect(unmet.status).toBe(1);
    expect(unmet.stdout).toContain("EXPECTATION NOT MET: expected ok, got EACCES");
  });
});
