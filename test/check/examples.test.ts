/**
 * `accesslab check` on the seed example templates: every finding the
 * probes produce is one the template's expectation file lists (no false
 * positives, none on the clean variants), and every expected finding of a
 * rule that has a probe is produced. Rules whose probes are not written
 * yet are listed here by name, so the gap is visible, not silent.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emulationProbe } from "../../src/check/emulation-probe.js";
import { parseCloudFormation } from "../../src/templates/cfn/parse-template.js";

const DIR = "examples/templates";

/** Rules in the expectation files that no probe produces yet. */
const NOT_PROBED_YET = new Set<string>([]);

interface Expected {
  readonly ruleId: string;
  readonly logicalId: string;
  readonly titleContains: string;
}

const templates = readdirSync(DIR).filter(
  (f) => f.endsWith(".yaml") && !f.endsWith(".expect.yaml"),
);

describe("check on the seed examples", () => {
  it.each(templates)("%s: finds what its expectation lists, and nothing else", (name) => {
    const file = join(DIR, name);
    const { document, diagnostics } = parseCloudFormation(readFileSync(file, "utf8"), file);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    if (document === undefined) throw new Error(`${file} did not parse`);
    const outcome = emulationProbe(document);
    expect(outcome.diagnostics).toEqual([]);
    const found = outcome.findings.map((f) => ({
      ruleId: f.ruleId,
      logicalId: f.logicalId,
      title: f.title,
    }));
    const expected = (parse(readFileSync(file.replace(/\.yaml$/, ".expect.yaml"), "utf8")) ??
      []) as Expected[];
    for (const f of found) {
      const match = expected.find((e) => e.ruleId === f.ruleId && e.logicalId === f.logicalId);
      expect(match, `unexpected ${f.ruleId} on ${f.logicalId}`).toBeDefined();
      expect(f.title).toContain(match?.titleContains);
    }
    for (const e of expected) {
      if (NOT_PROBED_YET.has(e.ruleId)) continue;
      expect(
        found.some((f) => f.ruleId === e.ruleId && f.logicalId === e.logicalId),
        `missing ${e.ruleId} on ${e.logicalId}`,
      ).toBe(true);
    }
  });
});
