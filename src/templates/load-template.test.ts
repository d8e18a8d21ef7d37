import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplate } from "./load-template.js";

describe("loadTemplate", () => {
  it("reads YAML and JSON files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "accesslab-load-"));
    await writeFile(join(dir, "a.yaml"), "Resources:\n  A: {Type: X, Properties: {R: !Ref B}}\n");
    await writeFile(join(dir, "a.json"), '{"Resources": {"A": {"Type": "X"}}}');
    const yaml = await loadTemplate(join(dir, "a.yaml"));
    expect(yaml.diagnostics).toEqual([]);
    expect(yaml.document?.file).toBe(join(dir, "a.yaml"));
    expect((await loadTemplate(join(dir, "a.json"), "cdk")).document?.origin).toBe("cdk");
  });

  it("reports a missing file or a directory as a diagnostic, not an exception", async () => {
    const dir = await mkdtemp(join(tmpdir(), "accesslab-load-"));
    const missing = await loadTemplate(join(dir, "nope.yaml"));
    expect(missing.document).toBeUndefined();
    expect(missing.diagnostics).toMatchObject([
      { code: "unreadable", message: `cannot read \`${join(dir, "nope.yaml")}\`: no such file` },
    ]);
    expect((await loadTemplate(dir)).diagnostics[0]?.message).toMatch(/is a directory$/);
  });
});
