import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codeCache } from "./code-cache.js";
import { unpackZip } from "./unpack-code.js";
import { zipPackage } from "./zip-package.test-support.js";

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-unpack-test-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("unpackZip", () => {
  it("writes nested files, keeping recorded Unix modes and defaulting to 0644", async () => {
    const dir = fresh();
    await unpackZip(
      zipPackage({
        "index.js": "exports.handler = 1;",
        "lib/secret.js": { text: "x", mode: 0o600 },
      }),
      dir,
    );
    expect(readFileSync(join(dir, "index.js"), "utf8")).toBe("exports.handler = 1;");
    expect(statSync(join(dir, "index.js")).mode & 0o777).toBe(0o644);
    expect(statSync(join(dir, "lib/secret.js")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "lib")).mode & 0o777).toBe(0o755);
  });

  it("refuses an entry that climbs out of the directory", async () => {
    await expect(unpackZip(zipPackage({ "../escape.js": "x" }), fresh())).rejects.toThrow(
      /invalid relative path/,
    );
  });

  it("rejects bytes that are not a zip", async () => {
    await expect(unpackZip(Buffer.from("not a zip at all, not at all"), fresh())).rejects.toThrow();
  });
});

describe("codeCache", () => {
  it("unpacks a package once per CodeSha256 and shares the directory", async () => {
    const cache = codeCache(fresh());
    const zip = zipPackage({ "index.js": "1" }).toString("base64");
    const [a, b] = await Promise.all([
      cache.directoryFor("AAEC", zip),
      cache.directoryFor("AAEC", zip),
    ]);
    expect(a).toBe(b);
    expect(a.endsWith("000102")).toBe(true);
    expect(readFileSync(join(a, "index.js"), "utf8")).toBe("1");
    expect(statSync(a).mode & 0o777).toBe(0o755);
  });
});
