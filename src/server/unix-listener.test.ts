import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../store/open.js";
import { startServer } from "./create-server.js";
import { createServerEnv } from "./env.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** GET `path` through the Unix socket; resolves with the status and body. */
function getThrough(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the Unix socket listener", () => {
  it("feeds the same server, and its connections pass the workload endpoints' local rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accesslab-unix-"));
    dirs.push(dir);
    const unixSocket = join(dir, "api.sock");
    const store = openStore({ kind: "memory" });
    const env = createServerEnv({ store, log: () => undefined });
    const running = await startServer(env, { host: "127.0.0.1", port: 0, unixSocket });
    try {
      const answer = await getThrough(unixSocket, "/v2/credentials/no-such-id");
      // the credentials service answered (unknown id), not the loopback-only refusal (403)
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({
        Code: "InvalidIdInRequest",
        Message: "CredentialsV2Request: Credentials not found",
      });
      const api = await getThrough(unixSocket, "/");
      expect(api.status).toBeGreaterThanOrEqual(400);
      expect(api.body).not.toContain("credentials endpoints answer on loopback");
    } finally {
      await running.close();
      store.close();
    }
    await expect(getThrough(unixSocket, "/v2/credentials/x")).rejects.toThrow();
    expect(existsSync(unixSocket)).toBe(false);
  });
});
