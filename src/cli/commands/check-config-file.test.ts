import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMPTY_CONFIG } from "../../check/config.js";
import { CliError } from "../cli-error.js";
import { loadCheckConfig } from "./check-config-file.js";

function cwdWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "accesslab-check-config-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("loadCheckConfig", () => {
  it("uses .accesslab.yaml in the working directory when present, nothing otherwise", () => {
    const cwd = cwdWith({ ".accesslab.yaml": "failOn: info\n" });
    expect(loadCheckConfig(undefined, cwd).failOn).toBe("info");
    expect(loadCheckConfig(undefined, cwdWith({}))).toBe(EMPTY_CONFIG);
  });

  it("makes file patterns relative to the configuration's directory", () => {
    const cwd = cwdWith({ "ci/check.yaml": "ignore: [{id: a, file: t/*.yaml, reason: r}]\n" });
    const config = loadCheckConfig(join(cwd, "ci", "check.yaml"), cwd);
    expect(config.ignore[0]?.file).toBe("ci/t/*.yaml");
    expect(config.ignore[0]?.declaredIn).toBe(join("ci", "check.yaml"));
  });

  it("rejects a missing explicit file and a malformed one, with file:line:col", () => {
    const cwd = cwdWith({ "bad.yaml": "failOn: error\nformat: xml\n" });
    expect(() => loadCheckConfig(join(cwd, "nope.yaml"), cwd)).toThrow(CliError);
    expect(() => loadCheckConfig(join(cwd, "bad.yaml"), cwd)).toThrow(
      "bad.yaml:2:9: unknown `format` `xml`: expected one of text, json, sarif, junit",
    );
  });
});
