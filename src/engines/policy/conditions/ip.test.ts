import { describe, expect, it } from "vitest";
import { cidrContains, parseCidr } from "./ip.js";

describe("CIDR matching", () => {
  it("handles IPv4 blocks and bare addresses", () => {
    const block = parseCidr("203.0.113.0/24");
    expect(block && cidrContains(block, "203.0.113.77")).toBe(true);
    expect(block && cidrContains(block, "203.0.114.1")).toBe(false);
    const single = parseCidr("10.0.0.1");
    expect(single && cidrContains(single, "10.0.0.1")).toBe(true);
    expect(single && cidrContains(single, "10.0.0.2")).toBe(false);
  });
  it("handles IPv6 with compression and embedded IPv4", () => {
    const block = parseCidr("2001:db8::/32");
    expect(block && cidrContains(block, "2001:db8:1::5")).toBe(true);
    expect(block && cidrContains(block, "2001:db9::1")).toBe(false);
    const mapped = parseCidr("::ffff:192.0.2.0/120");
    expect(mapped && cidrContains(mapped, "::ffff:192.0.2.9")).toBe(true);
  });
  it("never mixes families", () => {
    const block = parseCidr("0.0.0.0/0");
    expect(block && cidrContains(block, "::1")).toBe(false);
  });
  it("rejects malformed blocks", () => {
    for (const bad of [
      "10.0.0.0/33",
      "256.0.0.1",
      "10.0.0/8",
      "1::2::3",
      "10.0.0.0/8/1",
      "10.0.0.0/x",
      "gggg::",
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });
});
