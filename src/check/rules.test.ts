/**
 * The rule catalogue is what users read, so it is held to its own rules:
 * unique kebab-case ids prefixed by their area, one-line titles without a
 * final period, one-paragraph explanations, placeholders from the agreed
 * list only, and lookups that find every rule.
 */
import { describe, expect, it } from "vitest";
import { SEVERITIES } from "./finding.js";
import { RULE_PLACEHOLDERS, renderRuleText, rulePlaceholders } from "./rule.js";
import { findRule, RULES } from "./rules.js";

describe("rule catalogue", () => {
  it("has unique ids, each kebab-case and prefixed by its area", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(rule.id.startsWith(`${rule.area}-`), rule.id).toBe(true);
      expect(SEVERITIES).toContain(rule.severity);
    }
  });

  it("writes titles as one lowercase line without a final period", () => {
    for (const rule of RULES) {
      expect(rule.title, rule.id).not.toMatch(/\n|\.$/);
      expect(rule.title.charAt(0), rule.id).not.toMatch(/[A-Z]/);
      expect(rule.title.length, rule.id).toBeLessThanOrEqual(120);
    }
  });

  it("writes explanations and fixes as single non-empty paragraphs", () => {
    for (const rule of RULES) {
      for (const text of [rule.explanation, rule.fix]) {
        expect(text.trim().length, rule.id).toBeGreaterThan(40);
        expect(text, rule.id).not.toContain("\n");
      }
    }
  });

  it("uses only the placeholders probes know how to fill", () => {
    for (const rule of RULES) {
      for (const name of rulePlaceholders(rule)) {
        expect(Object.keys(RULE_PLACEHOLDERS), `${rule.id}: {${name}}`).toContain(name);
      }
    }
  });

  it("finds every rule by id and nothing else", () => {
    for (const rule of RULES) expect(findRule(rule.id)).toBe(rule);
    expect(findRule("efs-no-such-rule")).toBeUndefined();
  });

  it("covers every area the check command probes", () => {
    const areas = new Set(RULES.map((r) => r.area));
    expect([...areas].sort()).toEqual([
      "ecs",
      "efs",
      "iam",
      "lambda",
      "secrets",
      "smb",
      "stack",
      "vpc",
    ]);
  });
});

describe("renderRuleText", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(
      renderRuleText("{accessPoint} at `{path}` by {who}", { accessPoint: "Ap", path: "/a" }),
    ).toBe("Ap at `/a` by {who}");
  });

  it("leaves JSON-like braces alone", () => {
    expect(rulePlaceholders({ title: "{Service: x} {a}", explanation: "{}", fix: "" })).toEqual([
      "a",
    ]);
  });

  it("renders every rule without leftover placeholders when all values are given", () => {
    const values = Object.fromEntries(Object.keys(RULE_PLACEHOLDERS).map((k) => [k, `<${k}>`]));
    for (const rule of RULES) {
      for (const text of [rule.title, rule.explanation, rule.fix]) {
        expect(renderRuleText(text, values), rule.id).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });
});
