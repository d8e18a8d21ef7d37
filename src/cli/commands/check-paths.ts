/**
 * Turns `accesslab check` paths into the template files to check. A file
 * given by name is always checked (a `serverless.yml` whose packaged
 * template exists is replaced by it). A directory is searched recursively,
 * in name order, skipping hidden directories and `node_modules`:
 * - a CDK cloud assembly (`cdk.out`, or any directory with `manifest.json`)
 *   contributes its `*.template.json` files;
 * - a Serverless Framework service (a directory with `serverless.yml`)
 *   contributes `.serverless/cloudformation-template-update-stack.json`
 *   when it has been packaged, `serverless.yml` otherwise (the check then
 *   says how to package it);
 * - elsewhere, `*.yaml`, `*.yml`, `*.json` and `*.template` files that look
 *   like templates (a top-level `Resources` or `AWSTemplateFormatVersion`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { CliError } from "../cli-error.js";

const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template)$/;
const PACKAGED = join(".serverless", "cloudformation-template-update-stack.json");
const SERVERLESS = ["serverless.yml", "serverless.yaml"];

/**
 * The template files under `paths`, each path as short as it can be
 * (relative to `cwd` when inside it). Throws a {@link CliError} for a path
 * that does not exist or a directory without templates.
 *
 * @example
 * expandTemplatePaths(["examples/templates"], process.cwd()); // ["examples/templates/efs-root.yaml", …]
 */
export function expandTemplatePaths(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new CliError(`cannot read \`${path}\`: no such file or directory`);
    }
    if (!isDirectory) {
      out.push(packagedInstead(path));
      continue;
    }
    const found = searchDirectory(path);
    if (found.length === 0 && existsSync(join(path, "cdk.json")))
      throw new CliError(
        `no templates in \`${path}\`: it is a CDK app (cdk.json) that has not been synthesized; run \`npx cdk synth\` there first, then check \`${join(path, "cdk.out")}\``,
      );
    if (found.length === 0)
      throw new CliError(
        `no templates in \`${path}\` (looked for *.yaml, *.yml, *.json, *.template, cdk.out, serverless.yml)`,
      );
    out.push(...found);
  }
  return [...new Set(out.map((p) => displayPath(p, cwd)))];
}

/**
 * `path` relative to `cwd` when it lies inside it, else as given.
 *
 * @example
 * displayPath("/repo/t.yaml", "/repo"); // "t.yaml"
 */
export function displayPath(path: string, cwd: string): string {
  const abs = isAbsolute(path) ? path : join(cwd, path);
  const rel = relative(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/**
 * True for text whose top level declares `Resources` or `AWSTemplateFormatVersion`.
 *
 * @example
 * looksLikeTemplate("Resources:\n  Fs: {Type: AWS::EFS::FileSystem}\n"); // true
 */
export function looksLikeTemplate(text: string): boolean {
  return /^\s*\{[\s\S]*"(Resources|AWSTemplateFormatVersion)"\s*:|^(Resources|AWSTemplateFormatVersion)\s*:/m.test(
    text,
  );
}

function packagedInstead(path: string): string {
  if (!SERVERLESS.includes(basename(path))) return path;
  const packaged = join(dirname(path), PACKAGED);
  return existsSync(packaged) ? packaged : path;
}

function searchDirectory(dir: string): string[] {
  const names = readdirSync(dir).sort();
  if (basename(dir) === "cdk.out" || names.includes("manifest.json"))
    return names.filter((n) => n.endsWith(".template.json")).map((n) => join(dir, n));
  const service = SERVERLESS.find((n) => names.includes(n));
  if (service) {
    const packaged = join(dir, PACKAGED);
    return [existsSync(packaged) ? packaged : join(dir, service)];
  }
  const out: string[] = [];
  for (const name of names) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const path = join(dir, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) out.push(...searchDirectory(path));
    else if (stats?.isFile() && TEMPLATE_EXTENSIONS.test(name) && sniff(path)) out.push(path);
  }
  return out;
}

function sniff(path: string): boolean {
  try {
    return looksLikeTemplate(readFileSync(path, "utf8"));
  } catch {
    return true;
  }
}
