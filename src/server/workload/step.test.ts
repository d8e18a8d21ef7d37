import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { createServerEnv } from "../env.js";
import { newExchange } from "../exchange.js";
import { isWorkloadPath, workloadEndpoints } from "./step.js";

function exchangeFrom(path: string, localAddress: string, remoteAddress: string) {
  const message = { socket: { localAddress, remoteAddress } } as unknown as IncomingMessage;
  const exchange = newExchange(message);
  exchange.request = { method: "GET", path, query: {}, headers: {}, body: new Uint8Array() };
  return exchange;
}

describe("workloadEndpoints", () => {
  const env = createServerEnv({ store: memoryStore() });

  it("claims the ECS and IMDS paths only", () => {
    expect(isWorkloadPath("/v2/credentials/abc")).toBe(true);
    expect(isWorkloadPath("/v2/credentials")).toBe(true);
    expect(isWorkloadPath("/latest/api/token")).toBe(true);
    expect(isWorkloadPath("/v2/credentialsx")).toBe(false);
    expect(isWorkloadPath("/2015-03-31/functions")).toBe(false);
    expect(isWorkloadPath("/")).toBe(false);
  });

  it("refuses a connection that is not loopback on both ends", async () => {
    for (const [local, remote] of [
      ["10.0.0.5", "10.0.0.9"],
      ["10.0.0.5", "127.0.0.1"],
      ["127.0.0.1", "10.0.0.9"],
    ] as const) {
      const exchange = exchangeFrom("/latest/meta-data/iam/security-credentials/", local, remote);
      await workloadEndpoints(exchange, env);
      expect(exchange.response?.status).toBe(403);
      expect(JSON.parse(exchange.response?.body ?? "{}")).toMatchObject({ Code: "AccessDenied" });
    }
  });

  it("answers loopback requests and leaves other paths to the AWS steps", async () => {
    const unknown = exchangeFrom("/v2/credentials/nope", "127.0.0.1", "127.0.0.1");
    await workloadEndpoints(unknown, env);
    expect(unknown.response?.status).toBe(400);
    expect(JSON.parse(unknown.response?.body ?? "{}")).toEqual({
      Code: "InvalidIdInRequest",
      Message: "CredentialsV2Request: Credentials not found",
    });
    const noId = exchangeFrom("/v2/credentials/", "127.0.0.1", "127.0.0.1");
    await workloadEndpoints(noId, env);
    expect(JSON.parse(noId.response?.body ?? "{}")).toMatchObject({ Code: "NoIdInRequest" });
    const api = exchangeFrom("/", "127.0.0.1", "127.0.0.1");
    await workloadEndpoints(api, env);
    expect(api.response).toBeUndefined();
  });
});
