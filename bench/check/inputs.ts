/**
 * Writing the check benchmark's inputs into a directory: the large
 * template as `large.yaml` and the small ones under `small/`, as YAML in
 * the long intrinsic form (`Ref:`, `Fn::GetAtt:`), which every
 * CloudFormation reader accepts. Shared objects are written out in full,
 * never as YAML aliases, which CloudFormation does not accept.
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { type LargeTemplateSize, largeTemplate } from "./large-template.js";
import { smallTemplates } from "./small-templates.js";
import type { Template } from "./template-parts.js";

/** Where the inputs were written, and what they hold. */
export interface BenchInputs {
  readonly largeFile: string;
  readonly largeResources: number;
  readonly largeBytes: number;
  readonly smallDir: string;
  readonly smallFiles: readonly string[];
  readonly smallResources: number;
}

function write(file: string, body: Template): number {
  writeFileSync(file, stringify(body, { aliasDuplicateObjects: false, lineWidth: 0 }));
  return Object.keys(body.Resources as object).length;
}

/**
 * Writes the inputs under `dir`.
 *
 * @example
 * const inputs = writeInputs(mkdtempSync(join(tmpdir(), "bench-")), ISSUE_SIZE, 500);
 * inputs.largeResources; // 2355
 */
export function writeInputs(dir: string, size: LargeTemplateSize, smallCount: number): BenchInputs {
  const largeFile = join(dir, "large.yaml");
  const largeResources = write(largeFile, largeTemplate(size));
  const smallDir = join(dir, "small");
  mkdirSync(smallDir);
  const smallFiles: string[] = [];
  let smallResources = 0;
  for (const t of smallTemplates(smallCount)) {
    const file = join(smallDir, t.name);
    smallResources += write(file, t.body);
    smallFiles.push(file);
  }
  return {
    largeFile,
    largeResources,
    largeBytes: statSync(largeFile).size,
    smallDir,
    smallFiles,
    smallResources,
  };
}
