/**
 * FSx through `accesslab serve` as a process on a SQLite state: a file
 * system created with the real FSx client gets an `smbd` under
 * `<state>/fsx/`; `accesslab fsx set-encryption … required` turns SMB 2
 * clients away at once; stopping serve stops its smbd; serving the same
 * state again brings back the server with its user, its encryption
 * setting and the files written through SMB. Skipped, with the reason
 * printed, where Samba is not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";
import {
  AD_PASSWORD,
  AD_USER,
  createWindowsFileSystem,
  fsxNetwork,
  sambaMissing,
  smbclient,
} from "./fsx-setup.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`fsx-serve-cli: skipped: ${missing}\n`);

const work = mkdtempSync(join(tmpdir(), "accesslab-fsx-cli-"));
const state = join(work, "state");
const local = join(work, "note.txt");
writeFileSync(local, "written before the restart\n");

afterEach(killCliProcesses);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function serve(): Promise<{ process: CliProcess; endpoint: string }> {
  const process = spawnCli(["serve", "--port", "0", "--state", state]);
  const out = await process.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
  const endpoint = /export AWS_ENDPOINT_URL=(\S+)/.exec(out)?.[1];
  if (endpoint === undefined) throw new Error(`serve did not start: ${process.output().stderr}`);
  return { process, endpoint };
}

const configOf = (endpoint: string) => ({
  config: () => ({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  }),
});

const portOf = (id: string) => Number(readFileSync(join(state, "fsx", id, "port"), "utf8"));
const pidOf = (id: string) =>
  Number(readFileSync(join(state, "fsx", id, "samba", "pid", "smbd.pid"), "utf8"));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const user = { user: AD_USER, password: AD_PASSWORD };

describe.skipIf(missing !== undefined)("accesslab serve: FSx with Samba", () => {
  it("switches encryption from the CLI, stops smbd with serve, and serves the files again", async () => {
    const first = await serve();
    const net = await fsxNetwork(configOf(first.endpoint));
    const fs = await createWindowsFileSystem(configOf(first.endpoint), net);
    const id = fs.FileSystemId ?? "";
    const port = portOf(id);
    const put = await smbclient({
      port,
      ...user,
      maxProtocol: "SMB2",
      protection: "off",
      commands: `put ${local} note.txt`,
    });
    expect(put.code).toBe(0);
    const set = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "fsx",
        "set-encryption",
        id,
        "required",
        "--endpoint",
        first.endpoint,
      ],
      { encoding: "utf8" },
    );
    expect(set.status).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({
      FileSystemId: id,
      EncryptData: true,
      RejectUnencryptedAccess: true,
    });
    const smb2 = { ...user, maxProtocol: "SMB2", protection: "off", commands: "ls" } as const;
    expect((await smbclient({ port, ...smb2 })).code).not.toBe(0);
    const pid = pidOf(id);
    expect(alive(pid)).toBe(true);
    first.process.child.kill("SIGTERM");
    expect(await first.process.exited).toBe(0);
    expect(alive(pid)).toBe(false);

    const second = await serve();
    const again = portOf(id);
    const listed = await smbclient({
      port: again,
      ...user,
      maxProtocol: "SMB3",
      protection: "encrypt",
      commands: "ls",
    });
    expect(listed.code).toBe(0);
    expect(listed.output).toContain("note.txt");
    expect((await smbclient({ port: again, ...smb2 })).code).not.toBe(0);
    second.process.child.kill("SIGTERM");
    expect(await second.process.exited).toBe(0);
  });
});
