/**
 * accesslab's SMB client (`src/clients/smb`) against the real Samba that
 * stands for an FSx file system, side by side with the real `smbclient`
 * (seeds-digest 4, aws-facts F2, F3, F5, F8). With encryption enforced:
 * SMB 3.1.1 (AES-128-GCM) and 3.0.2 (AES-128-CCM) clients that encrypt
 * get in; an SMB 2-only client is refused at NEGOTIATE; an SMB 3 client
 * that does not encrypt is refused at TREE_CONNECT with
 * STATUS_ACCESS_DENIED. With it off, every client gets in, signing.
 * What one client writes, the other and the share directory see. Skipped,
 * with the reason printed, where Samba is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmbClient, type SmbConnectOptions, SmbError } from "../../src/clients/smb/index.js";
import { createSmbSupervisor, type SmbSupervisor } from "../../src/runtime/fsx/smb-supervisor.js";
import { AD_PASSWORD, AD_USER, sambaMissing, smbclient } from "../runtime/fsx-setup.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`smb-client-samba: skipped: ${missing}\n`);

const REQUIRED = "fs-0000000000000e001";
const OFF = "fs-0000000000000e002";
const work = mkdtempSync(join(tmpdir(), "accesslab-smb-client-"));
let smb: SmbSupervisor;

beforeAll(async () => {
  if (missing) return;
  smb = createSmbSupervisor({ root: join(work, "fsx"), log: () => {} });
  await smb.start(
    { fileSystemId: REQUIRED, userName: AD_USER, encryption: "required" },
    AD_PASSWORD,
  );
  await smb.start({ fileSystemId: OFF, userName: AD_USER, encryption: "off" }, AD_PASSWORD);
});
afterAll(async () => {
  await smb?.close();
  rmSync(work, { recursive: true, force: true });
});

function options(fileSystemId: string, more: Partial<SmbConnectOptions> = {}): SmbConnectOptions {
  const address = smb.address(fileSystemId);
  if (!address.ok) throw new Error(address.problem);
  return {
    host: address.host,
    port: address.port,
    username: AD_USER,
    password: AD_PASSWORD,
    ...more,
  };
}

async function failure(run: () => Promise<unknown>): Promise<SmbError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmbError);
  return error as SmbError;
}

/** Six chunks of 1 MiB, four in flight: written, read back, listed, removed. */
async function roundTrip(fileSystemId: string, more: Partial<SmbConnectOptions>): Promise<void> {
  const client = await SmbClient.connect(options(fileSystemId, more));
  const share = await client.share("share");
  await share.mkdir("reports");
  const big = Buffer.alloc(5 * 1024 * 1024 + 7);
  for (let i = 0; i < big.length; i++) big[i] = i % 251;
  await share.writeFile("reports/big.bin", big);
  expect((await share.readFile("/reports/big.bin")).equals(big)).toBe(true);
  expect(await share.readdir("reports")).toMatchObject([
    { name: "big.bin", size: big.length, directory: false },
  ]);
  expect((await failure(() => share.rmdir("reports"))).code).toBe("STATUS_DIRECTORY_NOT_EMPTY");
  await share.unlink("reports/big.bin");
  await share.rmdir("reports");
  expect((await share.readdir("")).some((e) => e.name === "reports")).toBe(false);
  client.close();
}

describe.skipIf(missing !== undefined)("the SMB client against Samba", () => {
  it("with encryption enforced, gets in with SMB 3.1.1 and 3.0.2, encrypting, and writes", async () => {
    for (const [dialects, expected] of [
      [undefined, "3.1.1"],
      [["3.0.2"], "3.0.2"],
    ] as const) {
      const client = await SmbClient.connect(options(REQUIRED, dialects ? { dialects } : {}));
      expect(client.dialect).toBe(expected);
      expect(client.encrypted).toBe(true);
      const share = await client.share("share");
      await share.writeFile(`from-node-${expected}.txt`, `written over SMB ${expected}\n`);
      expect((await share.readFile(`from-node-${expected}.txt`)).toString()).toBe(
        `written over SMB ${expected}\n`,
      );
      client.close();
    }
    const directory = smb.shareDirectory(REQUIRED);
    expect(readFileSync(join(directory, "from-node-3.1.1.txt"), "utf8")).toBe(
      "written over SMB 3.1.1\n",
    );
    const listed = await smbclient({
      port: options(REQUIRED).port ?? 0,
      user: AD_USER,
      password: AD_PASSWORD,
      maxProtocol: "SMB3",
      protection: "encrypt",
      commands: "ls",
    });
    expect(listed.code).toBe(0);
    expect(listed.output).toContain("from-node-3.0.2.txt");
  });

  it("with encryption enforced, refuses an SMB 2-only client and one that does not encrypt", async () => {
    const smb2 = await failure(() =>
      SmbClient.connect(options(REQUIRED, { dialects: ["2.0.2", "2.1"] })),
    );
    expect(smb2.code).toBe("SMB_DIALECT_REFUSED");
    expect(smb2.message).toContain("STATUS_NOT_SUPPORTED");
    const plain = await SmbClient.connect(options(REQUIRED, { encryption: "off" }));
    expect(plain.encrypted).toBe(false);
    const denied = await failure(() => plain.share("share"));
    expect(denied.code).toBe("STATUS_ACCESS_DENIED");
    plain.close();
  });

  it("with encryption off, SMB 2.1 and unencrypted SMB 3.1.1 get in, and smbclient sees their files", async () => {
    const old = await SmbClient.connect(options(OFF, { dialects: ["2.0.2", "2.1"] }));
    expect([old.dialect, old.encrypted]).toEqual(["2.1", false]);
    await (await old.share("share")).writeFile("smb2.txt", "signed, not sealed\n");
    old.close();
    const plain = await SmbClient.connect(options(OFF, { encryption: "off" }));
    expect([plain.dialect, plain.encrypted]).toEqual(["3.1.1", false]);
    expect((await (await plain.share("share")).readFile("smb2.txt")).toString()).toBe(
      "signed, not sealed\n",
    );
    plain.close();
    const local = join(work, "from-smbclient.txt");
    writeFileSync(local, "put by smbclient\n");
    const put = await smbclient({
      port: options(OFF).port ?? 0,
      user: AD_USER,
      password: AD_PASSWORD,
      maxProtocol: "SMB2",
      protection: "off",
      commands: `put ${local} from-smbclient.txt; ls`,
    });
    expect(put.output).toContain("smb2.txt");
    const client = await SmbClient.connect(options(OFF));
    const share = await client.share("share");
    expect((await share.readFile("from-smbclient.txt")).toString()).toBe("put by smbclient\n");
    client.close();
  });

  it("lists, makes and removes directories and moves large files in chunks", async () => {
    await roundTrip(REQUIRED, {}); // 1 MiB chunks, encrypted
    await roundTrip(OFF, { encryption: "off" }); // 1 MiB chunks, signed
    await roundTrip(OFF, { dialects: ["2.0.2"] }); // no large MTU: 64 KiB chunks
  }, 60_000);

  it("answers the server's statuses by name", async () => {
    const wrong = await failure(() => SmbClient.connect(options(OFF, { password: "wrong" })));
    expect(wrong.code).toBe("STATUS_LOGON_FAILURE");
    const client = await SmbClient.connect(options(OFF));
    expect((await failure(() => client.share("nope"))).code).toBe("STATUS_BAD_NETWORK_NAME");
    const share = await client.share("share");
    expect((await failure(() => share.readFile("missing.txt"))).message).toBe(
      "read `missing.txt`: STATUS_OBJECT_NAME_NOT_FOUND",
    );
    expect((await failure(() => share.readFile("../../etc/passwd"))).code).toBe(
      "STATUS_OBJECT_PATH_SYNTAX_BAD",
    );
    client.close();
  });
});
