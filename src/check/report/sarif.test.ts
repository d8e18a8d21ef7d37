import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import ajvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { RENDER_OPTIONS, sampleReport } from "../../../test/support/check-findings.js";
import { renderSarif, toCheckSarif } from "./sarif.js";

/**
 * The official SARIF 2.1.0 schema (the final, rtm.5 revision GitHub code
 * scanning uses), as shipped in the `@microsoft/jest-sarif` package. It is
 * a draft-04 schema, hence `ajv-draft-04`; its three string formats are
 * checked here by the URL parser and Date, not left unchecked.
 */
function sarifValidator() {
  // A CommonJS module: its default export is `module.exports`, whose `default` is the class.
  const Ajv04 = ajvDraft04.default;
  const require = createRequire(import.meta.url);
  const path = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const schema = JSON.parse(readFileSync(path, "utf8"));
  // The schema's `language` pattern (`…[a-zA-Z]{2}]?$`) is valid only without the `u` flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addFormat("uri-reference", (s: string) => URL.canParse(s, "file:///base/"));
  ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe("SARIF report", () => {
  const validate = sarifValidator();
  const log = JSON.parse(renderSarif(sampleReport(), RENDER_OPTIONS));
  const run = log.runs[0];

  it("validates against the SARIF 2.1.0 schema", () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the validator is not a pushover: a broken log fails it", () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = "fatal";
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
    const messages = (validate.errors ?? []).map(
      (e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`,
    );
    expect(messages.some((m: string) => m.includes("/level"))).toBe(true);
    expect(messages.some((m: string) => m.includes("name"))).toBe(true);
  });

  it("describes every rule met once, with its fix as help and its default level", () => {
    expect(run.tool.driver.name).toBe("accesslab");
    expect(run.tool.driver.version).toBe("9.9.9");
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([
      "efs-access-point-root-user",
      "efs-file-system-no-policy",
      "iam-trust-unused-service",
      "lambda-efs-write-denied",
      "secrets-endpoint-deny",
    ]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: "efs-access-point-root-user",
      shortDescription: { text: "DataAccessPoint will fail" },
      fullDescription: { text: expect.stringMatching(/^Lambda mounts/) },
      help: { text: expect.stringMatching(/^fix: set CreationInfo/) },
      defaultConfiguration: { level: "error" },
    });
  });

  it("gives each result a level, a message, a relative location with a region and a fingerprint", () => {
    const [first, , third, fourth] = run.results;
    expect(first.ruleId).toBe("efs-access-point-root-user");
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(first.level).toBe("error");
    expect(first.message.text).toMatch(/^DataAccessPoint: DataAccessPoint will fail\n/);
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "templates/app.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 12, startColumn: 5 },
    });
    expect(third.locations[0].physicalLocation.artifactLocation.uri).toBe(
      "templates/deploy%20role.json",
    );
    expect(third.level).toBe("warning");
    expect(fourth.level).toBe("note");
    expect(fourth.locations[0].physicalLocation.region).toBeUndefined();
    expect(first.partialFingerprints["accesslabFinding/v1"]).toMatch(/^[0-9a-f]{16}$/);
    expect(run.originalUriBaseIds["%SRCROOT%"]).toEqual({ uri: "file:///repo/" });
  });

  it("keeps fingerprints stable when only the line moves", () => {
    const moved = sampleReport();
    const shifted = {
      ...moved,
      findings: moved.findings.map((f) => ({ ...f, position: { line: 99, column: 1 } })),
    };
    const again = (toCheckSarif(shifted, RENDER_OPTIONS).runs[0]?.results ?? []).slice(0, 4);
    expect(again.map((r) => r.partialFingerprints)).toEqual(
      run.results.slice(0, 4).map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
    );
    expect(new Set(again.map((r) => r.partialFingerprints["accesslabFinding/v1"])).size).toBe(4);
  });

  it("keeps suppressed findings as results with suppressions of the right kind", () => {
    const suppressed = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0].suppressions).toEqual([
      {
        kind: "inSource",
        status: "accepted",
        justification: "only this VPC",
        location: {
          physicalLocation: {
            artifactLocation: { uri: "templates/app.yaml", uriBaseId: "%SRCROOT%" },
            region: { startLine: 6, startColumn: 13 },
          },
        },
      },
    ]);
    expect(suppressed[1].suppressions[0].kind).toBe("external");
    expect(suppressed[1].suppressions[0].location.physicalLocation.artifactLocation.uri).toBe(
      ".accesslab.yaml",
    );
  });

  it("reports unreadable templates as failed-execution notifications", () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0]).toEqual({
      level: "error",
      message: { text: "unexpected end of the stream" },
      descriptor: { id: "yaml-syntax" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "templates/broken.yaml", uriBaseId: "%SRCROOT%" },
            region: { startLine: 7, startColumn: 1 },
          },
        },
      ],
    });
  });

  it("tells apart two findings of one rule on one resource", () => {
    const report = sampleReport();
    const twice = {
      ...report,
      findings: [report.findings[0], report.findings[0]].flatMap((f) => (f ? [f] : [])),
    };
    const [a, b] = toCheckSarif(twice, RENDER_OPTIONS).runs[0]?.results ?? [];
    expect(a?.partialFingerprints).not.toEqual(b?.partialFingerprints);
  });

  it("uses a rule catalogue's words when one is given", () => {
    const described = toCheckSarif(sampleReport(), {
      ...RENDER_OPTIONS,
      describeRule: (id) =>
        id === "efs-access-point-root-user"
          ? { title: "access point acts as root", explanation: "why", fix: "how" }
          : undefined,
    }).runs[0]?.tool.driver.rules;
    expect(described?.[0]?.shortDescription.text).toBe("access point acts as root");
    expect(described?.[0]?.help.text).toBe("fix: how");
    expect(described?.[1]?.shortDescription.text).toBe("SharedFs will fail");
  });

  it("an empty report still validates", () => {
    const empty = {
      findings: [],
      suppressed: [],
      diagnostics: [],
      files: [],
      failOn: "error" as const,
    };
    expect(validate(JSON.parse(renderSarif(empty, RENDER_OPTIONS)))).toBe(true);
  });
});
