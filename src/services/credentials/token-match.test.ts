import { describe, expect, it } from "vitest";
import { tokensMatch } from "./token-match.js";

describe("tokensMatch", () => {
  it("matches equal tokens only, whatever the lengths", () => {
    expect(tokensMatch("secret", "secret")).toBe(true);
    expect(tokensMatch("secret", "secreT")).toBe(false);
    expect(tokensMatch("secret", "secret-longer")).toBe(false);
    expect(tokensMatch("secret", "")).toBe(false);
    expect(tokensMatch("secret", undefined)).toBe(false);
  });
});
