import { describe, expect, it } from "vitest";
import { fileType, formatOctalMode, modeString, parseOctalMode, typeBits } from "./mode.js";

describe("modeString", () => {
  it("renders type and rwx triads as ls -la does", () => {
    expect(modeString(0o040764)).toBe("drwxrw-r--");
    expect(modeString(0o100644)).toBe("-rw-r--r--");
    expect(modeString(0o120777)).toBe("lrwxrwxrwx");
    expect(modeString(0o100000)).toBe("----------");
  });
  it("renders set-id and sticky bits with s/S and t/T", () => {
    expect(modeString(0o104755)).toBe("-rwsr-xr-x");
    expect(modeString(0o104644)).toBe("-rwSr--r--");
    expect(modeString(0o042775)).toBe("drwxrwsr-x");
    expect(modeString(0o042765)).toBe("drwxrwSr-x");
    expect(modeString(0o041777)).toBe("drwxrwxrwt");
    expect(modeString(0o041776)).toBe("drwxrwxrwT");
  });
});

describe("parseOctalMode", () => {
  it("accepts three or four octal digits", () => {
    expect(parseOctalMode("755")).toEqual({ ok: true, value: 0o755 });
    expect(parseOctalMode("0755")).toEqual({ ok: true, value: 0o755 });
    expect(parseOctalMode("2775")).toEqual({ ok: true, value: 0o2775 });
  });
  it("refuses anything else with a message", () => {
    for (const bad of ["75", "12345", "758", "rwx", "", "0o755"]) {
      const parsed = parseOctalMode(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(`\`${bad}\``);
    }
  });
});

describe("fileType and typeBits", () => {
  it("round-trip the three types this engine keeps", () => {
    for (const type of ["file", "directory", "symlink"] as const) {
      expect(fileType(typeBits(type) | 0o644)).toBe(type);
    }
    expect(fileType(0o010644)).toBeUndefined();
  });
  it("formats permission bits as four octal digits", () => {
    expect(formatOctalMode(0o100644)).toBe("0644");
    expect(formatOctalMode(0o043777)).toBe("3777");
  });
});
