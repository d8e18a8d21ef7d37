import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { inlineCodeZip, inlineFileName } from "./inline-code.js";

describe("inlineCodeZip", () => {
  it("zips the source as index.js for Node.js and index.py for Python", () => {
    const node = unzipSync(
      Buffer.from(inlineCodeZip("exports.handler = 1;", "nodejs22.x"), "base64"),
    );
    expect(Object.keys(node)).toEqual(["index.js"]);
    expect(strFromU8(node["index.js"] ?? new Uint8Array())).toBe("exports.handler = 1;");
    expect(inlineFileName("python3.12")).toBe("index.py");
  });

  it("gives the same archive for the same source, so CodeSha256 is stable", () => {
    expect(inlineCodeZip("a", "nodejs22.x")).toBe(inlineCodeZip("a", "nodejs22.x"));
    expect(inlineCodeZip("a", "nodejs22.x")).not.toBe(inlineCodeZip("b", "nodejs22.x"));
  });
});
