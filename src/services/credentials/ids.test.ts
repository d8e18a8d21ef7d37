import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newAuthorizationToken, newCredentialsId, newInstanceId, newTaskId } from "./ids.js";

const random = (n: number) => new Uint8Array(randomBytes(n));

describe("credentials ids", () => {
  it("draws uuids, task ids, instance ids and tokens in AWS's shapes", () => {
    expect(newCredentialsId(random)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(newTaskId(random)).toMatch(/^[0-9a-f]{32}$/);
    expect(newInstanceId(random)).toMatch(/^i-[0-9a-f]{17}$/);
    expect(newAuthorizationToken(random)).toMatch(/^[\w-]{43}$/);
  });
});
