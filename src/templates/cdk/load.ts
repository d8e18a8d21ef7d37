/**
 * Loads a CDK cloud assembly (`cdk.out`) from disk, the only file access in
 * this folder: `manifest.json`, then each stack's template file (origin
 * `cdk`), then nested assemblies (CDK Stages) the same way. Unreadable
 * files become diagnostics; nothing throws.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseCloudFormation } from "../cfn/parse-template.js";
import type { TemplateDiagnostic, TemplateDocument } from "../model.js";
import { type CdkStackArtifact, readCdkManifest } from "./manifest.js";

/** How deep nested assemblies are followed (Stages inside Stages). */
const MAX_NESTING = 8;

/** One stack: its manifest entry and its template, when it could be read. */
export interface CdkStack {
  readonly artifact: CdkStackArtifact;
  /** The assembly directory the stack's template file is relative to. */
  readonly assemblyDirectory: string;
  readonly document?: TemplateDocument;
}

/** A loaded assembly. */
export interface CdkAssembly {
  readonly stacks: readonly CdkStack[];
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/**
 * Loads every stack of the assembly in `directory`.
 *
 * @example
 * const { stacks } = await loadCdkAssembly("cdk.out");
 * stacks.map((s) => s.artifact.stackName);
 */
export async function loadCdkAssembly(directory: string, depth = 0): Promise<CdkAssembly> {
  const manifestFile = join(directory, "manifest.json");
  const text = await readText(manifestFile);
  if (text === undefined)
    return {
      stacks: [],
      diagnostics: [
        {
          severity: "error",
          code: "cdk-no-manifest",
          message: `no \`manifest.json\` in \`${directory}\`: run \`cdk synth\` first, or point at the \`cdk.out\` directory`,
          file: manifestFile,
        },
      ],
    };
  const manifest = readCdkManifest(manifestFile, text);
  const diagnostics: TemplateDiagnostic[] = [...manifest.diagnostics];
  const stacks: CdkStack[] = [];
  for (const artifact of manifest.stacks) {
    const file = join(directory, artifact.templateFile);
    const template = await readText(file);
    if (template === undefined) {
      diagnostics.push({
        severity: "error",
        code: "unreadable",
        message: `cannot read \`${file}\`, the template of stack \`${artifact.stackName}\``,
        file: manifestFile,
        ...(artifact.position ? { position: artifact.position } : {}),
      });
      stacks.push({ artifact, assemblyDirectory: directory });
      continue;
    }
    const parsed = parseCloudFormation(template, file, "cdk");
    diagnostics.push(...parsed.diagnostics);
    stacks.push({
      artifact,
      assemblyDirectory: directory,
      ...(parsed.document ? { document: parsed.document } : {}),
    });
  }
  if (depth < MAX_NESTING)
    for (const nested of manifest.nestedAssemblies) {
      const inner = await loadCdkAssembly(join(directory, nested), depth + 1);
      stacks.push(...inner.stacks);
      diagnostics.push(...inner.diagnostics);
    }
  return { stacks, diagnostics };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}
