/**
 * The one place templates are read from disk: a path to its text, parsed
 * as CloudFormation YAML or JSON (the reader decides by the text, as
 * CloudFormation does). A file that cannot be read is a diagnostic, never
 * a thrown error, so `check` can report it with exit code 2.
 */
import { readFile } from "node:fs/promises";
import { type ParsedTemplate, parseCloudFormation } from "./cfn/parse-template.js";
import type { TemplateOrigin } from "./model.js";

/**
 * Reads and parses the template at `path`.
 *
 * @example
 * const { document, diagnostics } = await loadTemplate("examples/templates/efs.yaml");
 */
export async function loadTemplate(
  path: string,
  origin: TemplateOrigin = "cloudformation",
): Promise<ParsedTemplate> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : (code ?? "unreadable");
    return {
      diagnostics: [
        {
          severity: "error",
          code: "unreadable",
          message: `cannot read \`${path}\`: ${reason}`,
          file: path,
        },
      ],
    };
  }
  return parseCloudFormation(text, path, origin);
}
