/**
 * `accesslab serve --demo` as a process on a SQLite state: the first start
 * loads the bundled stack and prints the "demo stack" block (developer
 * key, secret, VPC endpoint URL, ECS credentials lines, AWS CLI commands
 * to try); a change made through the SDK survives a SIGTERM and a restart,
 * which says "already loaded". A malformed stack is one line on stderr
 * with `file:line:column` and exit code 2, and leaves the state fresh.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { killCliProcesses, spawnCli } from "../support/cli-process.js";

afterEach(killCliProcesses);
const dir = mkdtempSync(join(tmpdir(), "accesslab-demo-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spawnServe(args: string[]) {
  const run = spawnCli(["serve", ...args]);
  return { ...run, ready: () => run.waitFor(/# why each call above/) };
}

const ROOT = { accessKeyId: "test", secretAccessKey: "test" };

function secrets(endpoint: string): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint,
    region: "us-east-1",
    credentials: ROOT,
    maxAttempts: 1,
  });
}

describe("accesslab serve --demo (process)", () => {
  const state = join(dir, "state");

  it("loads the demo at first start, keeps changes across a restart and says so", async () => {
    const first = spawnServe(["--demo", "--port", "0", "--state", state]);
    const banner = await first.ready();
    const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(banner)?.[1] ?? "";
    expect(endpoint, first.output().stderr).not.toBe("");
    expect(banner).toContain("demo stack: loaded examples/demo/stack.yaml\n");
    expect(banner).toContain("user developer: access key AKIADEMODEVELOPER001, secret developer");
    expect(banner).toContain("  secret: demo/db\n");
    const vpce = /reach it as (http:\/\/\S+\/_vpce\/(vpce-[0-9a-f]{17}))\n/.exec(banner);
    expect(vpce?.[1]).toBe(`${endpoint}/_vpce/${vpce?.[2]}`);
    expect(banner).toMatch(
      new RegExp(`export AWS_CONTAINER_CREDENTIALS_FULL_URI=${endpoint}/v2/credentials/\\S+\\n`),
    );
    expect(banner).toMatch(/export AWS_CONTAINER_AUTHORIZATION_TOKEN=\S+\n/);
    expect(banner).toContain(
      `AWS_ACCESS_KEY_ID=AKIADEMODEVELOPER001 AWS_SECRET_ACCESS_KEY=developer aws --region us-east-1 --endpoint-url ${endpoint} efs describe-access-points`,
    );
    expect(banner).toContain(
      `--endpoint-url ${vpce?.[1]} secretsmanager get-secret-value --secret-id demo/db`,
    );
    expect(banner).toContain(`npx accesslab events --state ${state}`);

    await secrets(endpoint).send(
      new PutSecretValueCommand({ SecretId: "demo/db", SecretString: "changed by the user" }),
    );
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = spawnServe(["--demo", "--port", "0", "--state", state]);
    const again = await second.ready();
    const endpoint2 = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(again)?.[1] ?? "";
    expect(again).toMatch(/demo stack: already loaded \(\d{4}-\d\d-\d\dT[\d:.]+Z\)/);
    expect(again).toContain(`/_vpce/${vpce?.[2]}`);
    const through = secrets(`${endpoint2}/_vpce/${vpce?.[2]}`);
    const value = await through.send(new GetSecretValueCommand({ SecretId: "demo/db" }));
    expect(value.SecretString).toBe("changed by the user");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("refuses a malformed stack with file:line:column, exit 2, and a fresh state", async () => {
    const file = join(dir, "bad.yaml");
    const text = readFileSync("examples/demo/stack.yaml", "utf8").replace(
      "  - name: demo-subnet-a",
      "  - nmae: demo-subnet-a",
    );
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("nmae:")) + 1;
    const fresh = join(dir, "fresh");
    const bad = spawnServe(["--demo", file, "--port", "0", "--state", fresh]);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toBe(
      `accesslab: demo stack: ${file}:${line}:7: unknown field \`nmae\` in network.subnets[0]\n`,
    );
    const good = spawnServe(["--demo", "--port", "0", "--state", fresh]);
    expect(await good.ready()).toContain("demo stack: loaded");
    good.child.kill("SIGTERM");
    expect(await good.exited).toBe(0);
  });
});
