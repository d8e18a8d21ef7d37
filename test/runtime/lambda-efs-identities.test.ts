/**
 * seeds-digest section 1 end to end, through the real
 * `@aws-sdk/client-lambda`: the example in `examples/functions/efs-identities`
 * is set up with the SDK on one shared file system, and its functions are
 * invoked in the report's order, state carrying over: a root-owned
 * `first.txt` written through a 0:0 access point while the process itself
 * is the sandbox user, `Permission denied` appending to it as 1001, `/piyo`
 * created from CreationInfo and unwritable without a PosixUser but
 * writable with 1002:1002, and `/fuga` failing to mount with
 * `EFSMountFailureException` (403). Then the two other refusals: a security
 * group the mount target does not admit (`EFSMountConnectivityException`,
 * 408) and a role without ClientWrite under a file system policy (EROFS).
 */
import {
  EFSMountConnectivityException,
  EFSMountFailureException,
  InvokeCommand,
  type InvokeCommandOutput,
  LambdaClient,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS, setUp } from "../../examples/functions/efs-identities/setup.mjs";
import { realMountSupport } from "../../src/runtime/lambda/efs/fuse/availability.js";
import { type ConnectionEvent, connectionStream } from "../../src/services/efs/events.js";
import { startTestServer, type TestServer } from "../serve/harness.js";

let server: TestServer;
let lambda: LambdaClient;
let made: Awaited<ReturnType<typeof setUp>>;

/** accesslab runs instances as the sandbox user only as root on Linux. */
const sandboxed = process.platform === "linux" && process.getuid?.() === 0;
if (!sandboxed)
  console.log(
    "not root on Linux: the process uid checks expect the server's own uid (nominal identity)",
  );

beforeAll(async () => {
  server = await startTestServer();
  lambda = new LambdaClient(server.config());
  made = await setUp(server.config());
}, 60_000);
afterAll(() => server.close());

async function invoke(name: string): Promise<InvokeCommandOutput & { json: unknown }> {
  const out = await lambda.send(new InvokeCommand({ FunctionName: name }));
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString("utf8");
  return { ...out, json: text === "" ? undefined : JSON.parse(text) };
}

/** The EFS connection events (mounts) made through an access point. */
function connectionsThrough(accessPointArn: string): number {
  const id = accessPointArn.slice(accessPointArn.lastIndexOf("/") + 1);
  return server.services.store.events
    .read<ConnectionEvent>(connectionStream(made.fileSystemId))
    .filter(({ event }) => event.accessPointId === id && event.errorCode === undefined).length;
}

async function refusal(name: string): Promise<unknown> {
  return lambda.send(new InvokeCommand({ FunctionName: name })).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("seeds-digest section 1, in order on one file system", () => {
  it("0. creates /hoge as 1001:1001 drwxr-x--- through a root access point", async () => {
    const out = await invoke(FUNCTIONS.prepareHoge);
    expect(out.FunctionError).toBeUndefined();
    expect(out.json).toEqual({ uid: 1001, gid: 1001, mode: "750" });
  });

  it("1. PosixUser 0:0 writes a root-owned first.txt while the process is the sandbox user", async () => {
    const out = await invoke(FUNCTIONS.writeFirst);
    expect(out.FunctionError).toBeUndefined();
    const json = out.json as Record<string, unknown>;
    expect(json.owner).toBe("0:0");
    expect(json.mode).toBe("700");
    if (sandboxed) {
      expect(json.processUid).toBe(993);
      expect(json.processGid).toBe(990);
      // with a real mount, the instance's own namespace also has the sandbox user's passwd entry
      expect(json.id).toMatch(
        realMountSupport().ok
          ? /^uid=993\(sbx_user1051\) gid=990 groups=990$/
          : /^uid=993\b.*gid=990\b/,
      );
    } else expect(json.processUid).toBe(process.getuid?.());
    // warm: the same instance keeps its mount (one connection for both invocations)
    expect((await invoke(FUNCTIONS.writeFirst)).json).toMatchObject({ owner: "0:0" });
    expect(connectionsThrough(made.accessPoints.hogeRoot as string)).toBe(1);
  });

  it("2. PosixUser 1001:1001 cannot append to the root-owned first.txt", async () => {
    const out = await invoke(FUNCTIONS.appendFirst);
    expect(out.FunctionError).toBe("Unhandled");
    expect(out.json).toMatchObject({
      errorType: "Error",
      errorMessage: "EACCES: permission denied, open '/mnt/hoge/first.txt'",
    });
    // the trace starts in the handler, as for Node's own fs errors
    expect((out.json as { trace: string[] }).trace[1]).toMatch(/at exports\.handler .*index\.js/);
  });

  it("3. /piyo is created 1002:1002 764: unwritable without a PosixUser, writable as 1002:1002", async () => {
    const sandbox = await invoke(FUNCTIONS.writePiyoSandbox);
    expect(sandbox.FunctionError).toBe("Unhandled");
    expect(sandbox.json).toMatchObject({
      errorMessage: "EACCES: permission denied, open '/mnt/piyo/hello.txt'",
    });
    const owner = await invoke(FUNCTIONS.writePiyo1002);
    expect(owner.FunctionError).toBeUndefined();
    expect(owner.json).toEqual({ root: "1002:1002 764", file: "1002:1002" });
  });

  it("4. /fuga (PosixUser, no CreationInfo, missing) fails to mount: EFSMountFailureException 403", async () => {
    const error = await refusal(FUNCTIONS.listFuga);
    expect(error).toBeInstanceOf(EFSMountFailureException);
    const e = error as EFSMountFailureException;
    expect(e.$metadata.httpStatusCode).toBe(403);
    expect(e.message).toBe(
      `The function could not mount the EFS file system with access point ${made.accessPoints.fuga}.`,
    );
  });
});

describe("the other refusals", () => {
  it("answers EFSMountConnectivityException 408 when no security group admits TCP 2049", async () => {
    const error = await refusal(FUNCTIONS.closedNetwork);
    expect(error).toBeInstanceOf(EFSMountConnectivityException);
    expect((error as EFSMountConnectivityException).$metadata.httpStatusCode).toBe(408);
    expect((error as Error).message).toContain("Check your network configuration and try again.");
  });

  it("mounts read-only without ClientWrite under a file system policy: writes fail with EROFS", async () => {
    const out = await invoke(FUNCTIONS.readOnly);
    expect(out.FunctionError).toBe("Unhandled");
    expect(out.json).toMatchObject({
      errorMessage: "EROFS: read-only file system, open '/mnt/data/note.txt'",
    });
  });
});
