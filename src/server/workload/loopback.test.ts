import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "./loopback.js";

describe("isLoopbackAddress", () => {
  it("accepts 127/8, ::1 and IPv4-mapped loopback only", () => {
    for (const yes of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopbackAddress(yes)).toBe(true);
    }
    for (const no of [
      undefined,
      "",
      "10.0.0.5",
      "0.0.0.0",
      "::ffff:10.0.0.5",
      "fe80::1",
      "128.0.0.1",
    ]) {
      expect(isLoopbackAddress(no)).toBe(false);
    }
  });
});
