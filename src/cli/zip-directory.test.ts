import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { zipDirectory } from "./zip-directory.js";

describe("zipDirectory", () => {
  it("packages every file by its relative path, following links only inside", () => {
    const outside = mkdtempSync(join(tmpdir(), "accesslab-outside-"));
    writeFileSync(join(outside, "secret.txt"), "no");
    const dir = mkdtempSync(join(tmpdir(), "accesslab-zip-"));
    writeFileSync(join(dir, "index.js"), "exports.handler = async () => 1;");
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "lib", "run.sh"), "#!/bin/sh\n");
    chmodSync(join(dir, "lib", "run.sh"), 0o755);
    symlinkSync(join(dir, "index.js"), join(dir, "alias.js"));
    symlinkSync(join(outside, "secret.txt"), join(dir, "escape.txt"));
    const files = unzipSync(zipDirectory(dir));
    expect(Object.keys(files).sort()).toEqual(["alias.js", "index.js", "lib/run.sh"]);
    expect(strFromU8(files["index.js"] ?? new Uint8Array())).toBe(
      "exports.handler = async () => 1;",
    );
  });

  it("refuses what is not a directory", () => {
    expect(() => zipDirectory(join(tmpdir(), "accesslab-no-such-dir"))).toThrow(CliError);
  });
});
