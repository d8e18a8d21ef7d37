/**
 * Seeds-digest section 3, reproduced with the whoami example (root only):
 * the app started through `su - appuser -c …` loses the container
 * credentials variables and the SDK's default chain fails the way it does
 * on Fargate (nothing answers for instance metadata); the same app with
 * the variables exported from the main process's `/proc/<pid>/environ`
 * gets the task role's credentials. Where tasks get private network
 * namespaces (root with `unshare --net`), the variable is ECS's own
 * `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` and the fallback really goes to
 * 169.254.169.254 inside the task's namespace, where nothing answers: the
 * SDK's instance metadata provider says so itself. `accesslab serve` runs in a private
 * mount namespace where `/etc/passwd`, `/etc/group` and `/etc/shadow` are
 * bind-mounted copies that add `appuser` (uid 1001) unless the host has
 * one, so the host's files are never changed (without `unshare`, a host
 * user `appuser` is used when there is one); the tasks are started with
 * `accesslab run-task`. Elsewhere the suite is skipped with the reason.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkNamespaceSupport } from "../../src/runtime/ecs/netns/support.js";
import { ROOT } from "../serve/harness.js";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";
import { seedWhoami, stopServe, TASKS_DIR, type Whoami } from "./ecs-support.js";
import { privateUsersServe } from "./ecs-users-view.js";

const asRoot = process.platform === "linux" && process.getuid?.() === 0;
const canUnshare =
  asRoot && spawnSync("unshare", ["--mount", "true"], { stdio: "ignore" }).status === 0;
/** The host's own `appuser` uid, when it has one. */
const hostAppuser = asRoot ? spawnSync("id", ["-u", "appuser"], { encoding: "utf8" }) : undefined;
const hostUid = hostAppuser?.status === 0 ? hostAppuser.stdout.trim() : undefined;
const appuserUid = hostUid ?? "1001";
const runnable = canUnshare || hostUid !== undefined;
const reason = !asRoot
  ? "needs root on Linux (su and a real uid switch)"
  : "needs `unshare --mount` for a private passwd view, or a host user `appuser`";
if (!runnable) console.log(`skipping the su - reproduction: ${reason}`);
const taskNetworks = networkNamespaceSupport().ok;
if (runnable && !taskNetworks)
  console.log("skipping the instance metadata check: tasks get no private network namespace here");

/** Run after `su -`: what is left of the variables, and what the SDK's IMDS provider says. */
const IMDS_PROBE = `const req = require("node:module").createRequire(process.argv[2] + "/package.json");
const { fromInstanceMetadata } = req("@smithy/credential-provider-imds");
const t = Date.now();
const relative = process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ?? "unset";
fromInstanceMetadata()().then(
  () => console.log("uid " + process.getuid() + ": instance metadata answered"),
  (e) => console.log("uid " + process.getuid() + ": relative=" + relative + ": " + e.message + " after " + (Date.now() - t) + " ms"),
);
`;

describe.skipIf(!runnable)("su - inside an ECS task (seeds-digest 3)", () => {
  let serve: CliProcess;
  let endpoint = "";
  let whoami: Whoami;
  let view = "";

  beforeAll(async () => {
    view = mkdtempSync(join(tmpdir(), "accesslab-users-"));
    serve = canUnshare
      ? privateUsersServe(view)
      : spawnCli(["serve", "--port", "0", "--in-memory"]);
    const out = await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
    endpoint = /export AWS_ENDPOINT_URL=(\S+)/.exec(out)?.[1] ?? "";
    const config = { endpoint, region: "us-east-1", credentials: ROOT, maxAttempts: 1 };
    whoami = await seedWhoami(new IAMClient(config), new EC2Client(config));
  });
  afterAll(async () => {
    await stopServe(serve);
    killCliProcesses();
    rmSync(view, { recursive: true, force: true });
  });

  const runTask = async (file: string) => {
    const cli = spawnCli([
      "run-task",
      file.includes("/") ? file : join(TASKS_DIR, file),
      "--endpoint",
      endpoint,
      "--subnet",
      whoami.subnetId,
    ]);
    const code = await cli.exited;
    return { code, ...cli.output() };
  };

  it("`su - appuser` loses the variables: the SDK falls back to instance metadata and fails", async () => {
    const { code, stdout, stderr } = await runTask("su-login.json");
    expect({ code, stderr }).toMatchObject({ code: 1 });
    expect(stdout).toContain(
      `uid ${appuserUid}: CredentialsProviderError: Could not load credentials from any providers`,
    );
  });

  it("exporting them from /proc/<main pid>/environ first gets the task role's credentials", async () => {
    const { code, stdout } = await runTask("su-environ.json");
    expect(stdout).toMatch(
      new RegExp(
        `uid ${appuserUid}: arn:aws:sts::000000000000:assumed-role/whoami-task/[0-9a-f]{32}`,
      ),
    );
    expect(code).toBe(0);
  });

  it("started directly as the user (uid 1001), the app gets them too", async () => {
    const { code, stdout } = await runTask("direct.json");
    expect(stdout).toMatch(/uid 1001: arn:aws:sts::000000000000:assumed-role\/whoami-task\//);
    expect(code).toBe(0);
  });

  it.skipIf(!taskNetworks)(
    "after `su -` the SDK's instance metadata provider finds nothing at 169.254.169.254 in the task",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "accesslab-imds-probe-"));
      chmodSync(dir, 0o755);
      try {
        writeFileSync(join(dir, "probe.cjs"), IMDS_PROBE, { mode: 0o644 });
        const definition = {
          family: "whoami-su-imds",
          taskRoleArn: "arn:aws:iam::000000000000:role/whoami-task",
          requiresCompatibilities: ["FARGATE"],
          networkMode: "awsvpc",
          cpu: "256",
          memory: "512",
          containerDefinitions: [
            {
              name: "app",
              image: "node:20-slim",
              command: [
                "sh",
                "-c",
                `test -n "$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" && su - appuser -c "exec node '${dir}/probe.cjs' '${resolve(".")}'"`,
              ],
            },
          ],
        };
        writeFileSync(join(dir, "su-imds.json"), JSON.stringify(definition));
        const { code, stdout } = await runTask(join(dir, "su-imds.json"));
        const said = new RegExp(
          `uid ${appuserUid}: relative=unset: Unable to connect to instance metadata service after (\\d+) ms`,
        ).exec(stdout);
        expect(said, stdout).not.toBeNull();
        expect(Number(said?.[1])).toBeLessThan(2_000);
        expect(code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
