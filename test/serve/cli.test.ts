/**
 * `accesslab serve` as a process: spawned with `--port 0 --in-memory`, it
 * prints the banner (endpoint with the real port, state, bootstrap
 * credentials, an `export AWS_ENDPOINT_URL=` line), answers a real SDK
 * GetCallerIdentity, and exits 0 on SIGTERM. A port in use is a one-line
 * error with exit code 2.
 */
import { createServer, type Server } from "node:net";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";
import { killCliProcesses, spawnCli } from "../support/cli-process.js";

afterEach(killCliProcesses);

function spawnServe(args: string[]) {
  const run = spawnCli(["serve", ...args]);
  return { ...run, ready: () => run.waitFor(/export AWS_ENDPOINT_URL=\S+\n/) };
}

describe("accesslab serve (process)", () => {
  it("prints the banner, answers the SDK and stops on SIGTERM with exit 0", async () => {
    const serve = spawnServe(["--port", "0", "--in-memory"]);
    const banner = await serve.ready();
    const endpoint = /export AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:(\d+))\n/.exec(banner);
    expect(endpoint, serve.output().stderr).not.toBeNull();
    expect(Number(endpoint?.[2])).toBeGreaterThan(0);
    expect(banner).toContain(`listening on ${endpoint?.[1]}`);
    expect(banner).toContain("state: in memory");
    expect(banner).toContain("access key test, secret test, account 000000000000");

    const sts = new STSClient({
      endpoint: endpoint?.[1] ?? "",
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe("arn:aws:iam::000000000000:root");

    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
  });

  it("refuses a port in use with one line and exit code 2", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const serve = spawnServe(["--port", String(port), "--in-memory"]);
      expect(await serve.exited).toBe(2);
      expect(serve.output().stderr).toBe(`accesslab: port ${port} on 127.0.0.1 is in use\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
