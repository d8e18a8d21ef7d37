import { describe, expect, it } from "vitest";
import { compileGlob, compileTokens } from "./wildcard.js";

describe("compileGlob", () => {
  it("matches `*` across any characters and `?` exactly one", () => {
    expect(compileGlob("s3:Get*", false).test("s3:GetObject")).toBe(true);
    expect(compileGlob("s3:Get*", false).test("s3:PutObject")).toBe(false);
    expect(compileGlob("a?c", false).test("abc")).toBe(true);
    expect(compileGlob("a?c", false).test("ac")).toBe(false);
    expect(compileGlob("a*", false).test("a:b/c")).toBe(true);
  });
  it("folds case only when asked", () => {
    expect(compileGlob("S3:getobject", true).test("s3:GetObject")).toBe(true);
    expect(compileGlob("S3:getobject", false).test("s3:GetObject")).toBe(false);
    expect(compileGlob("S3:get*", true).test("s3:GETOBJECT")).toBe(true);
  });
  it("treats regular-expression characters literally", () => {
    expect(compileGlob("a.b(c)[d]+", false).test("a.b(c)[d]+")).toBe(true);
    expect(compileGlob("a.b", false).test("axb")).toBe(false);
    expect(compileGlob("x-*", false).test("x-1")).toBe(true);
  });
});

describe("compileTokens", () => {
  it("keeps wildcards of literal pieces literal", () => {
    const glob = compileTokens(
      [
        { literal: false, text: "a" },
        { literal: true, text: "*" },
      ],
      false,
    );
    expect(glob.test("a*")).toBe(true);
    expect(glob.test("abc")).toBe(false);
  });
});
