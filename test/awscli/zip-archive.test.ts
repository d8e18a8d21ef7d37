/**
 * The test zip writer makes archives a real unzipper reads back: Python's
 * `zipfile` (present wherever the Debian `awscli` is) lists the entries and
 * verifies every CRC.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zipArchive } from "./zip-archive.js";

const python = (() => {
  try {
    execFileSync("python3", ["--version"]);
    return true;
  } catch {
    return false;
  }
})();

describe("zipArchive", () => {
  it("starts with a local file header and ends with the end-of-directory record", () => {
    const zip = zipArchive([{ name: "a.txt", content: "hi" }]);
    expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
    expect(zip.subarray(zip.length - 22, zip.length - 18).toString("hex")).toBe("504b0506");
  });

  it.skipIf(!python)("is read back by python's zipfile with every CRC intact", () => {
    const dir = mkdtempSync(join(tmpdir(), "accesslab-zip-"));
    const file = join(dir, "f.zip");
    writeFileSync(
      file,
      zipArchive([
        { name: "index.js", content: "exports.handler = async () => 1;\n" },
        { name: "lib/data.bin", content: Buffer.from([0, 1, 2, 255]) },
      ]),
    );
    const script =
      "import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(','.join(z.namelist()))";
    const out = execFileSync("python3", ["-c", script, file], { encoding: "utf8" });
    expect(out.trim()).toBe("index.js,lib/data.bin");
  });
});
