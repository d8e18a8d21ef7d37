import { describe, expect, it } from "vitest";
import { randomUuid, randomUuidV4 } from "./uuid.js";

const filled = (byte: number) => (n: number) => new Uint8Array(n).fill(byte);

describe("uuids", () => {
  it("lays 16 random bytes out as a UUID", () => {
    expect(randomUuid(filled(0xab))).toBe("abababab-abab-abab-abab-abababababab");
  });

  it("sets the version 4 and variant bits", () => {
    expect(randomUuidV4(filled(0))).toBe("00000000-0000-4000-8000-000000000000");
    expect(randomUuidV4(filled(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
  });
});
