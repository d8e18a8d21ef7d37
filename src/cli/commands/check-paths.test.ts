import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { displayPath, expandTemplatePaths, looksLikeTemplate } from "./check-paths.js";

const TEMPLATE = "Resources:\n  A: {Type: AWS::IAM::Role}\n";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "accesslab-check-paths-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("expandTemplatePaths", () => {
  it("finds templates recursively and skips what is not one", () => {
    const root = tree({
      "b.yaml": TEMPLATE,
      "a.json": '{"AWSTemplateFormatVersion": "2010-09-09"}',
      "c.template": TEMPLATE,
      "package.json": '{"name": "x"}',
      ".accesslab.yaml": "ignore: []\n",
      "notes.txt": TEMPLATE,
      "nested/d.yml": TEMPLATE,
      "node_modules/e.yaml": TEMPLATE,
      ".hidden/f.yaml": TEMPLATE,
    });
    expect(expandTemplatePaths([root], root)).toEqual([
      "a.json",
      "b.yaml",
      "c.template",
      join("nested", "d.yml"),
    ]);
  });

  it("says to synthesize a CDK app that has no cdk.out yet", () => {
    const root = tree({ "app/cdk.json": '{"app": "node app.mjs"}', "app/app.mjs": "" });
    expect(() => expandTemplatePaths([join(root, "app")], root)).toThrow(
      /it is a CDK app \(cdk\.json\) that has not been synthesized; run `npx cdk synth` there first/,
    );
  });

  it("takes the stack templates of a cdk.out directory", () => {
    const root = tree({
      "app/cdk.json": "{}",
      "app/cdk.out/manifest.json": "{}",
      "app/cdk.out/tree.json": '{"Resources": 1}',
      "app/cdk.out/Stack.template.json": '{"Resources": {}}',
      "app/cdk.out/Stack.assets.json": "{}",
    });
    expect(expandTemplatePaths([join(root, "app")], root)).toEqual([
      join("app", "cdk.out", "Stack.template.json"),
    ]);
  });

  it("takes a Serverless service's packaged template, or serverless.yml when not packaged", () => {
    const root = tree({
      "packaged/serverless.yml": "service: a\n",
      "packaged/.serverless/cloudformation-template-update-stack.json": '{"Resources": {}}',
      "packaged/.serverless/cloudformation-template-create-stack.json": '{"Resources": {}}',
      "raw/serverless.yml": "service: b\n",
    });
    expect(expandTemplatePaths([root], root)).toEqual([
      join("packaged", ".serverless", "cloudformation-template-update-stack.json"),
      join("raw", "serverless.yml"),
    ]);
    expect(expandTemplatePaths([join(root, "packaged", "serverless.yml")], root)).toEqual([
      join("packaged", ".serverless", "cloudformation-template-update-stack.json"),
    ]);
  });

  it("keeps a file named explicitly even when it does not look like a template", () => {
    const root = tree({ "x.txt": "hello" });
    expect(expandTemplatePaths([join(root, "x.txt")], root)).toEqual(["x.txt"]);
  });

  it("rejects a missing path and a directory without templates", () => {
    const root = tree({ "empty/readme.md": "#" });
    expect(() => expandTemplatePaths([join(root, "nope")], root)).toThrow(CliError);
    expect(() => expandTemplatePaths([join(root, "empty")], root)).toThrow(/^no templates in `/);
  });
});

describe("looksLikeTemplate and displayPath", () => {
  it("recognizes a top-level Resources key in YAML and JSON only", () => {
    expect(looksLikeTemplate(TEMPLATE)).toBe(true);
    expect(looksLikeTemplate('{\n  "Resources": {}\n}')).toBe(true);
    expect(looksLikeTemplate("service: x\nresources:\n  Resources: {}\n")).toBe(false);
    expect(looksLikeTemplate('{"name": "x"}')).toBe(false);
  });

  it("shortens paths inside the working directory only", () => {
    expect(displayPath("/repo/t/a.yaml", "/repo")).toBe(join("t", "a.yaml"));
    expect(displayPath("/elsewhere/a.yaml", "/repo")).toBe("/elsewhere/a.yaml");
  });
});
