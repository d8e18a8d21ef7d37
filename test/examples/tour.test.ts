/**
 * The README's quick tour, run as a user would: the Debian AWS CLI builds
 * the world with `examples/tour/setup.sh` against a server on a SQLite
 * state, then `examples/tour/assume-and-call.mjs` (the AWS SDK) assumes the
 * role and gets each call allowed or refused as AWS would (it exits 1 on
 * any surprise). The server is then stopped and a new one started on the
 * same state, and the script's calls still end the same way. Skips with a
 * reason when no AWS CLI is installed.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { findAwsCli } from "../awscli/aws-cli.js";
import { startTestServer } from "../serve/harness.js";

const cli = findAwsCli();
if ("missing" in cli) console.log(`skipping the quick tour: ${cli.missing}`);

const dir = mkdtempSync(join(tmpdir(), "accesslab-tour-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function exportsOf(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(/^export (TOUR_\w+)=(.*)$/gm)) {
    if (name !== undefined && value !== undefined) vars[name] = value;
  }
  return vars;
}

describe.skipIf("missing" in cli)(
  "the quick tour (AWS CLI, then the SDK script, then a restart)",
  () => {
    it("refuses and allows as AWS would, before and after a restart", async () => {
      const state = join(dir, "state.db");
      const first = await startTestServer({ store: openStore({ kind: "sqlite", path: state }) });
      const base = { PATH: process.env.PATH, HOME: dir };
      let tour: Record<string, string>;
      try {
        const setup = await run("bash", ["examples/tour/setup.sh"], {
          ...base,
          ACCESSLAB_ENDPOINT: first.running.endpoint,
          AWS: "path" in cli ? cli.path : "aws",
        });
        expect(setup.code, setup.stderr).toBe(0);
        tour = exportsOf(setup.stdout);
        expect(Object.keys(tour)).toHaveLength(7);
        const calls = await run(process.execPath, ["examples/tour/assume-and-call.mjs"], {
          ...base,
          ...tour,
        });
        expect(calls.code, calls.stdout + calls.stderr).toBe(0);
        expect(calls.stdout).toMatch(
          /^allowed {2}efs DescribeAccessPoints: fsap-[0-9a-f]{17} \/app$/m,
        );
        expect(calls.stdout).toContain(
          "because no identity-based policy allows the elasticfilesystem:DescribeFileSystems action",
        );
        expect(calls.stdout).toContain("with an explicit deny in a resource-based policy");
        expect(calls.stdout).toContain("through the endpoint: username app");
      } finally {
        await first.close();
      }

      const second = await startTestServer({ store: openStore({ kind: "sqlite", path: state }) });
      try {
        const again = await run(process.execPath, ["examples/tour/assume-and-call.mjs"], {
          ...base,
          ...tour,
          TOUR_ENDPOINT: second.running.endpoint,
        });
        expect(again.code, again.stdout + again.stderr).toBe(0);
      } finally {
        await second.close();
      }
    }, 180_000);
  },
);
