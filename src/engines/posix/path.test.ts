import { describe, expect, it } from "vitest";
import {
  byteLength,
  checkSymlinkTarget,
  componentKind,
  nameTooLong,
  PATH_MAX,
  parsePath,
} from "./path.js";

describe("parsePath", () => {
  it("splits on runs of slashes and notes a trailing slash", () => {
    expect(parsePath("a//b/")).toEqual({
      ok: true,
      value: { absolute: false, components: ["a", "b"], trailingSlash: true },
    });
    expect(parsePath("/")).toEqual({
      ok: true,
      value: { absolute: true, components: [], trailingSlash: false },
    });
  });
  it("refuses an empty path with ENOENT", () => {
    expect(parsePath("")).toEqual({ ok: false, errno: "ENOENT" });
  });
  it("refuses a path of PATH_MAX bytes or more with ENAMETOOLONG", () => {
    expect(parsePath("a".repeat(PATH_MAX - 1)).ok).toBe(true);
    expect(parsePath("a".repeat(PATH_MAX))).toEqual({ ok: false, errno: "ENAMETOOLONG" });
    expect(parsePath("é".repeat(2048))).toEqual({ ok: false, errno: "ENAMETOOLONG" });
  });
});

describe("names", () => {
  it("measures names in UTF-8 bytes against NAME_MAX", () => {
    expect(byteLength("é")).toBe(2);
    expect(nameTooLong("x".repeat(255))).toBe(false);
    expect(nameTooLong("x".repeat(256))).toBe(true);
    expect(nameTooLong("é".repeat(128))).toBe(true);
  });
  it("classifies dot components", () => {
    expect(componentKind(".")).toBe("dot");
    expect(componentKind("..")).toBe("dotdot");
    expect(componentKind("...")).toBe("normal");
  });
  it("refuses empty and over-long symlink targets", () => {
    expect(checkSymlinkTarget("")).toBe("ENOENT");
    expect(checkSymlinkTarget("x".repeat(PATH_MAX))).toBe("ENAMETOOLONG");
    expect(checkSymlinkTarget("../anything")).toBeUndefined();
  });
});
