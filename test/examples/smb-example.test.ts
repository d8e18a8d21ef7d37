/**
 * Seeds-digest section 4 end to end, as a new user runs `examples/smb`:
 * `accesslab serve` as a process on a state directory, `accesslab deploy
 * examples/smb/template.yaml` (the FSx password and the share's secret
 * come from a generated secret through `{{resolve:secretsmanager:…}}`),
 * then `accesslab invoke smb-share-writer`. The function reads the
 * share's credentials through the VPC endpoint (the secret denies any
 * other path), dials the file server's DNS name on 445 through the
 * emulated VPC, and writes over SMB 3.1.1 with encryption to the real
 * Samba that accesslab started. With encryption required, an SMB 2-only
 * client and one that does not encrypt are refused; switched off with
 * `accesslab fsx set-encryption`, the SMB 2 client gets in. The files and
 * the setting survive a restart of serve. Skipped, with the reason
 * printed, where Samba is not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sambaMissing } from "../runtime/fsx-setup.js";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`smb-example: skipped: ${missing}\n`);

const FUNCTION = "smb-share-writer";
// A relative state directory inside the working directory, as a new user's default `.accesslab`
// is: smbd reads its configuration's paths from `/`, so a relative one would name the wrong place.
mkdirSync(".accesslab", { recursive: true });
const state = mkdtempSync(join(".accesslab", "test-smb-example-"));
let serve: CliProcess | undefined;
let endpoint = "";

async function startServe(): Promise<void> {
  serve = spawnCli(["serve", "--port", "0", "--state", state]);
  const banner = await serve.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/);
  endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(banner)?.[1] ?? "";
}

async function stopServe(): Promise<void> {
  const running = serve;
  serve = undefined;
  running?.child.kill("SIGTERM");
  await running?.exited;
}

async function cli(args: string[]) {
  const run = spawnCli([...args, "--endpoint", endpoint]);
  const code = await run.exited;
  return { code, ...run.output() };
}

interface Written {
  server: string;
  dialect: string;
  encrypted: boolean;
  wrote: string;
  files: string[];
}

async function invoke(event?: unknown) {
  const run = await cli([
    "invoke",
    FUNCTION,
    ...(event === undefined ? [] : ["--payload", JSON.stringify(event)]),
  ]);
  return { ...run, result: run.code === 0 ? (JSON.parse(run.stdout) as Written) : undefined };
}

let fileSystemId = "";

beforeAll(async () => {
  if (missing) return;
  await startServe();
}, 60_000);
afterAll(async () => {
  await stopServe();
  killCliProcesses();
  rmSync(state, { recursive: true, force: true });
});

describe.skipIf(missing !== undefined)("examples/smb under accesslab serve", () => {
  it("deploys: the stack's secrets, network, file server and function", async () => {
    const deployed = await cli(["deploy", "examples/smb/template.yaml", "--stack-name", "smb"]);
    expect(deployed.stdout).toContain("stack `smb` created");
    expect(deployed.code).toBe(0);
    fileSystemId = /FileSystemId: (fs-[0-9a-f]{17})/.exec(deployed.stdout)?.[1] ?? "";
    expect(fileSystemId).not.toBe("");
    expect(deployed.stdout).toContain(`FunctionName: ${FUNCTION}`);
  }, 120_000);

  it("writes to the share over SMB 3.1.1 with encryption, reading the credentials through the endpoint", async () => {
    const first = await invoke();
    expect(first.stderr).toBe("");
    expect(first.result).toMatchObject({ dialect: "3.1.1", encrypted: true });
    expect(first.result?.server).toMatch(/^\\\\amznfsx[0-9a-z]+\.corp\.example\.com\\share$/);
    expect(first.result?.files).toContain(first.result?.wrote);
    const onDisk = join(state, "fsx", fileSystemId, "share", first.result?.wrote ?? "");
    expect(readFileSync(onDisk, "utf8")).toBe(`written by ${FUNCTION} over SMB 3.1.1\n`);
  }, 60_000);

  it("with encryption required, refuses an SMB 2-only client and one that does not encrypt", async () => {
    const smb2 = await invoke({ dialects: ["2.0.2", "2.1"] });
    expect(smb2.code).not.toBe(0);
    expect(JSON.parse(smb2.stdout)).toMatchObject({
      errorType: "SmbError",
      errorMessage:
        "the server accepts none of the dialects offered (SMB 2.0.2, 2.1): it answered STATUS_NOT_SUPPORTED; a server that requires encryption accepts SMB 3 clients only",
    });
    const plain = await invoke({ encryption: "off" });
    expect(plain.code).not.toBe(0);
    expect(JSON.parse(plain.stdout).errorMessage).toBe(
      "connect to share `share`: STATUS_ACCESS_DENIED",
    );
  }, 60_000);

  it("switched off, lets the SMB 2 client in; files and setting survive a restart", async () => {
    const off = await cli(["fsx", "set-encryption", fileSystemId, "off"]);
    expect(off.code).toBe(0);
    const smb2 = await invoke({ dialects: ["2.0.2", "2.1"] });
    expect(smb2.result).toMatchObject({ dialect: "2.1", encrypted: false });
    await stopServe();
    await startServe();
    const again = await invoke({ dialects: ["2.0.2", "2.1"] });
    expect(again.result).toMatchObject({ dialect: "2.1", encrypted: false });
    expect(again.result?.files).toContain(smb2.result?.wrote);
    expect(again.result?.files.length).toBe(3);
    expect(existsSync(join(state, "fsx", fileSystemId, "share", smb2.result?.wrote ?? ""))).toBe(
      true,
    );
  }, 120_000);
});
