/**
 * The checking itself, behind one function the command line calls:
 * `checkTemplates(paths, options)` reads each template, runs every probe on
 * it and gathers the findings, the problems met while reading, the files
 * and resources checked, and the ignore entries written in resource
 * metadata. Each template is read with its deployment setting (the
 * Serverless deployment role or the CDK environment around it, see
 * `deployment-setting.ts`); the probes (`options.probes`, none by default:
 * the command line passes `emulationProbe`) get both. File access comes in
 * through `options.readText`, so this module does no I/O of its own.
 */

import { type JsonNode, member } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import { parseCloudFormation } from "../templates/cfn/parse-template.js";
import type { TemplateDiagnostic, TemplateDocument } from "../templates/model.js";
import {
  type DeploymentSetting,
  deploymentSettingOf,
  withServiceRole,
} from "./deployment-setting.js";
import type { Finding } from "./finding.js";
import type { CheckedFile, CheckedResource } from "./report/model.js";
import { readMetadataIgnores } from "./suppress-metadata.js";
import type { IgnoreRule } from "./suppression.js";

/** Reads one template's text into a document, or says why it cannot. */
export type TemplateReader = (
  text: string,
  file: string,
) => { readonly document?: TemplateDocument; readonly diagnostics: readonly TemplateDiagnostic[] };

/** What a document probe found, and what it met on the way that the reader did not. */
export interface ProbeOutcome {
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/**
 * Examines one read template, deployed as `setting` says, and reports what
 * will go wrong; its findings name `document.file` as their file, so
 * metadata ignore entries match them.
 */
export type DocumentProbe = (
  document: TemplateDocument,
  setting: DeploymentSetting,
) => ProbeOutcome | Promise<ProbeOutcome>;

/** What `checkTemplates` needs from its caller. */
export interface CheckTemplatesOptions {
  /** Reads a file as UTF-8; throws an Error whose message is fit to print. */
  readonly readText: (file: string) => string;
  /** The template reader; CloudFormation's (YAML or JSON) by default. */
  readonly reader?: TemplateReader;
  /** The probes to run on every template that could be read; none by default. */
  readonly probes?: readonly DocumentProbe[];
  /**
   * The CloudFormation service role every template is deployed with
   * (`--role-arn`); it wins over a Serverless `deploymentRole`.
   */
  readonly serviceRoleArn?: string;
  /** Parameter values (`--parameter`), applied to each template that declares them. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Called after each file. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/** What a run found. */
export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly TemplateDiagnostic[];
  readonly filesChecked: readonly CheckedFile[];
  /** Ignore entries from resources' `Metadata.accesslab.ignore`. */
  readonly ignores: readonly IgnoreRule[];
}

/** The shape of {@link checkTemplates}, for callers that take another implementation. */
export type CheckTemplates = (
  paths: readonly string[],
  options: CheckTemplatesOptions,
) => Promise<CheckResult>;

/**
 * Checks the template files `paths` (already expanded: files, not directories).
 *
 * @example
 * const { findings, diagnostics } = await checkTemplates(["t.yaml"], { readText: (f) => readFileSync(f, "utf8") });
 */
export const checkTemplates: CheckTemplates = async (paths, options) => {
  const reader = options.reader ?? ((text, file) => parseCloudFormation(text, file));
  const findings: Finding[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const filesChecked: CheckedFile[] = [];
  const ignores: IgnoreRule[] = [];
  for (const [i, file] of paths.entries()) {
    const document = readOne(file, options.readText, reader, diagnostics);
    if (document) {
      filesChecked.push({ file, resources: resourcesOf(document.root) });
      const metadata = readMetadataIgnores(document);
      ignores.push(...metadata.rules);
      findings.push(...metadata.findings);
      const read = deploymentSettingOf(file, options.readText);
      diagnostics.push(...read.diagnostics);
      const setting = {
        ...withServiceRole(read.setting, options.serviceRoleArn, file),
        ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
      };
      for (const probe of options.probes ?? []) {
        const outcome = await probe(document, setting);
        findings.push(...outcome.findings);
        diagnostics.push(...outcome.diagnostics);
      }
    }
    options.onProgress?.(i + 1, paths.length, file);
  }
  return { findings, diagnostics, filesChecked, ignores };
};

function readOne(
  file: string,
  readText: (file: string) => string,
  reader: TemplateReader,
  diagnostics: TemplateDiagnostic[],
): TemplateDocument | undefined {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push({ severity: "error", code: "unreadable", message, file });
    return undefined;
  }
  if (isServerlessService(file)) {
    diagnostics.push({
      severity: "error",
      code: "serverless-not-packaged",
      message:
        "a Serverless Framework service file is not a template: run `serverless package` and check " +
        "`.serverless/cloudformation-template-update-stack.json` (or the service directory)",
      file,
    });
    return undefined;
  }
  const read = reader(text, file);
  diagnostics.push(...read.diagnostics);
  return read.diagnostics.some((d) => d.severity === "error") ? undefined : read.document;
}

function isServerlessService(file: string): boolean {
  return /(^|[\\/])serverless\.ya?ml$/.test(file);
}

function resourcesOf(root: JsonNode): CheckedResource[] {
  const resources = member(root, "Resources");
  if (resources?.kind !== "object") return [];
  return resources.entries.map((e) => {
    const type = member(e.value, "Type");
    return {
      logicalId: e.key,
      ...optional("type", type?.kind === "string" ? type.value : undefined),
      ...at(e.keyPosition),
    };
  });
}
