/**
 * One entry point for every report format, so the command line does not
 * need to know which renderer takes which options.
 */
import type { CheckFormat } from "./formats.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import type { CheckReport, RenderOptions } from "./model.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

/**
 * Renders `report` in `format`, ending with a newline.
 *
 * @example
 * process.stdout.write(renderCheckReport(report, "sarif", { toolVersion: VERSION, workingDirectory: process.cwd() }));
 */
export function renderCheckReport(
  report: CheckReport,
  format: CheckFormat,
  options: RenderOptions,
): string {
  switch (format) {
    case "json":
      return renderJson(report, options);
    case "sarif":
      return renderSarif(report, options);
    case "junit":
      return renderJunit(report);
    default:
      return renderText(report);
  }
}
