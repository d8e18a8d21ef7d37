/**
 * `accesslab serve` as a process: spawned with `--port 0 --in-memory`, it
 * prints the banner (endpoint with the real port, state, bootstrap
 * credentials, an `export AWS_ENDPOINT_URL=` line), answers a real SDK
 * GetCallerIdentity, and exits 0 on SIGTERM. A port in use is a one-line
 * error with exit code 2.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function spawnServe(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", ...args], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = async (): Promise<string> => {
    for (let i = 0; i < 300 && !/export AWS_ENDPOINT_URL=\S+\n/.test(stdout); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return stdout;
  };
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
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
