/**
 * The SARIF 2.1.0 report, for code-scanning services (GitHub shows each
 * result inline at its region): one run whose driver lists every rule met
 * (with its description, help carrying the fix, and default level), one
 * result per finding with a location relative to `%SRCROOT%` and a
 * fingerprint that survives edits above the line; suppressed findings stay
 * as results carrying `suppressions` (`inSource` for template metadata,
 * `external` for the configuration file); reading problems are tool
 * execution notifications.
 */
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../../templates/model.js";
import type { Finding, Severity } from "../finding.js";
import type { IgnoreRule } from "../suppression.js";
import { artifactLocation, directoryUri, SRCROOT } from "./artifact-uri.js";
import { fingerprint } from "./fingerprint.js";
import type { CheckReport, RenderOptions } from "./model.js";

const LEVEL: Readonly<Record<Severity, string>> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/**
 * Builds the SARIF log.
 *
 * @example
 * toCheckSarif(report, { toolVersion: "0.1.0", workingDirectory: "/repo" }).runs[0].results[0].level; // "error"
 */
export function toCheckSarif(report: CheckReport, options: RenderOptions) {
  const all = [...report.findings, ...report.suppressed.map((s) => s.finding)];
  const firstOfRule = new Map<string, Finding>();
  for (const f of all) if (!firstOfRule.has(f.ruleId)) firstOfRule.set(f.ruleId, f);
  const rules = [...firstOfRule.values()].sort((a, b) =>
    a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0,
  );
  const ruleIndex = new Map(rules.map((f, i) => [f.ruleId, i]));
  const seen = new Map<string, number>();
  const fingerprintOf = (f: Finding) => {
    const identity = [f.ruleId, f.file, f.logicalId];
    const key = identity.join("\u0000");
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return fingerprint(n === 0 ? identity : [...identity, String(n)]);
  };
  const result = (f: Finding, rule?: IgnoreRule) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? 0,
    level: LEVEL[f.severity],
    message: { text: `${f.logicalId}: ${f.title}\n\n${f.explanation}\n\nfix: ${f.fix}` },
    locations: [
      {
        ...location(f.file, f.position, options),
        logicalLocations: [{ name: f.logicalId, kind: "resource" }],
      },
    ],
    partialFingerprints: { "accesslabFinding/v1": fingerprintOf(f) },
    ...(rule ? { suppressions: [suppression(rule, options)] } : {}),
    properties: { severity: f.severity, evidence: f.evidence },
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: "accesslab",
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: rules.map((f) => {
              const words = options.describeRule?.(f.ruleId) ?? f;
              return {
                id: f.ruleId,
                shortDescription: { text: words.title },
                fullDescription: { text: words.explanation },
                help: { text: `fix: ${words.fix}` },
                defaultConfiguration: { level: LEVEL[f.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.workingDirectory) } },
        invocations: [
          {
            executionSuccessful: !report.diagnostics.some((d) => d.severity === "error"),
            toolExecutionNotifications: report.diagnostics.map((d) => notification(d, options)),
          },
        ],
        results: [
          ...report.findings.map((f) => result(f)),
          ...report.suppressed.map((s) => result(s.finding, s.rule)),
        ],
      },
    ],
  };
}

/**
 * Renders the SARIF log as JSON, ending with a newline.
 *
 * @example
 * renderSarif(report, { toolVersion: "0.1.0", workingDirectory: process.cwd() });
 */
export function renderSarif(report: CheckReport, options: RenderOptions): string {
  return `${JSON.stringify(toCheckSarif(report, options), null, 2)}\n`;
}

function location(file: string, position: SourcePosition | undefined, options: RenderOptions) {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file, options.workingDirectory),
      ...(position ? { region: { startLine: position.line, startColumn: position.column } } : {}),
    },
  };
}

function suppression(rule: IgnoreRule, options: RenderOptions) {
  return {
    kind: rule.source === "metadata" ? "inSource" : "external",
    status: "accepted",
    justification: rule.reason,
    location: location(rule.declaredIn, rule.position, options),
  };
}

function notification(d: TemplateDiagnostic, options: RenderOptions) {
  return {
    level: d.severity,
    message: { text: d.logicalId ? `${d.logicalId}: ${d.message}` : d.message },
    descriptor: { id: d.code },
    locations: [location(d.file, d.position, options)],
  };
}
