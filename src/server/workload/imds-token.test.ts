import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { createServerEnv } from "../env.js";
import { issueImdsToken, parseTokenTtl, verifyImdsToken } from "./imds-token.js";

describe("IMDSv2 tokens", () => {
  it("parses TTLs of 1..21600 seconds only", () => {
    expect(parseTokenTtl("1")).toBe(1);
    expect(parseTokenTtl("21600")).toBe(21600);
    for (const bad of [undefined, "", "0", "21601", "-5", "1.5", "abc", "9999999"]) {
      expect(parseTokenTtl(bad)).toBeUndefined();
    }
  });

  it("verifies its own tokens until they expire, and no other server's", () => {
    let now = 1_700_000_000_000;
    const env = createServerEnv({ store: memoryStore(), clock: () => now });
    const other = createServerEnv({ store: memoryStore(), clock: () => now });
    const token = issueImdsToken(env, 60);
    expect(verifyImdsToken(env, token)).toBe(true);
    expect(verifyImdsToken(other, token)).toBe(false);
    expect(verifyImdsToken(env, undefined)).toBe(false);
    expect(verifyImdsToken(env, "forged")).toBe(false);
    expect(verifyImdsToken(env, `${token}x`)).toBe(false);
    const [expiry] = token.split(".");
    const later = Buffer.from(String(now + 999_999_000)).toString("base64url");
    expect(verifyImdsToken(env, token.replace(expiry ?? "", later))).toBe(false);
    now += 60_000;
    expect(verifyImdsToken(env, token)).toBe(false);
  });
});
