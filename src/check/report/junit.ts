/**
 * The JUnit XML report, for CI dashboards: one `testsuite` per template
 * file, one `testcase` per checked resource (plus one per resource a
 * finding names that the resource list lacks, and a `template` case for
 * reading problems or a template without resources). A resource's findings
 * at or above the fail level are its `failure`; findings below it go to
 * `system-out`; template errors are `error`s.
 */
import { formatPosition } from "../../formats/position.js";
import type { Finding } from "../finding.js";
import { atOrAbove } from "./fail-level.js";
import type { CheckReport } from "./model.js";
import { xmlEscape } from "./xml.js";

interface Case {
  readonly name: string;
  readonly body: string[];
  failed: boolean;
  errored: boolean;
}

/**
 * Renders the JUnit report, ending with a newline.
 *
 * @example
 * renderJunit(report); // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="accesslab check" …'
 */
export function renderJunit(report: CheckReport): string {
  const files = [
    ...new Set([
      ...report.files.map((f) => f.file),
      ...report.diagnostics.map((d) => d.file),
      ...report.findings.map((f) => f.file),
    ]),
  ];
  const suites = files.map((file) => suite(file, casesOf(report, file)));
  const total = (key: "tests" | "failures" | "errors") =>
    suites.reduce((n, s) => n + s.counts[key], 0);
  return `${[
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="accesslab check" tests="${total("tests")}" failures="${total("failures")}" errors="${total("errors")}">`,
    ...suites.flatMap((s) => s.lines),
    "</testsuites>",
  ].join("\n")}\n`;
}

function casesOf(report: CheckReport, file: string): Case[] {
  const cases = new Map<string, Case>();
  const get = (name: string) => {
    const known = cases.get(name);
    if (known) return known;
    const c: Case = { name, body: [], failed: false, errored: false };
    cases.set(name, c);
    return c;
  };
  const errors = report.diagnostics.filter((d) => d.file === file);
  if (errors.length > 0) {
    const c = get("template");
    c.errored = errors.some((d) => d.severity === "error");
    const text = errors.map(
      (d) => `${file}:${formatPosition(d.position)}: ${d.code}: ${d.message}`,
    );
    c.body.push(
      c.errored
        ? `<error message="${xmlEscape(errors[0]?.message ?? "")}" type="template">${xmlEscape(text.join("\n"))}</error>`
        : `<system-out>${xmlEscape(text.join("\n"))}</system-out>`,
    );
  }
  for (const r of report.files.find((f) => f.file === file)?.resources ?? []) get(r.logicalId);
  const findings = report.findings.filter((f) => f.file === file);
  for (const id of new Set(findings.map((f) => f.logicalId))) {
    const c = get(id);
    const mine = findings.filter((f) => f.logicalId === id);
    const failing = mine.filter((f) => atOrAbove(f.severity, report.failOn));
    const first = failing[0];
    if (first) {
      c.failed = true;
      c.body.push(
        `<failure message="${xmlEscape(`${first.ruleId}: ${first.title}`)}" type="${first.severity}">${xmlEscape(failing.map(describe).join("\n\n"))}</failure>`,
      );
    }
    const rest = mine.filter((f) => !atOrAbove(f.severity, report.failOn));
    if (rest.length > 0)
      c.body.push(`<system-out>${xmlEscape(rest.map(describe).join("\n\n"))}</system-out>`);
  }
  if (cases.size === 0) get("template");
  return [...cases.values()];
}

function suite(file: string, cases: Case[]) {
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.failed).length,
    errors: cases.filter((c) => c.errored).length,
  };
  const name = xmlEscape(file);
  const lines = [
    `  <testsuite name="${name}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="0">`,
    ...cases.map((c) =>
      c.body.length === 0
        ? `    <testcase classname="${name}" name="${xmlEscape(c.name)}"/>`
        : `    <testcase classname="${name}" name="${xmlEscape(c.name)}">\n      ${c.body.join("\n      ")}\n    </testcase>`,
    ),
    "  </testsuite>",
  ];
  return { counts, lines };
}

function describe(f: Finding): string {
  return [
    `${f.file}:${formatPosition(f.position)}  ${f.severity}  ${f.ruleId}  ${f.title}`,
    f.explanation,
    ...f.evidence.map((e) => `  ${e}`),
    `fix: ${f.fix}`,
  ].join("\n");
}
