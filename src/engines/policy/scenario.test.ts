import { describe, expect, it } from "vitest";
import { parseScenarios } from "./scenario.js";

describe("parseScenarios", () => {
  it("reads one object or an array, naming unnamed scenarios after the label", () => {
    const one = parseScenarios(
      '{"request":{"principal":"anonymous","action":"s3:GetObject","resource":"*"}}',
      "f.json",
    );
    expect(one.scenarios[0]?.name).toBe("f.json#1");
    const many = parseScenarios(
      '[{"name":"a","request":{"principal":"anonymous","action":"x:y","resource":"*","context":{"n":1,"t":["a","b"]}},"expected":"Allowed"}]',
    );
    expect(many.scenarios[0]?.request.context).toEqual({ n: "1", t: ["a", "b"] });
    expect(many.scenarios[0]?.expected).toBe("Allowed");
  });
  it("reports shape errors with positions", () => {
    const missing = parseScenarios('[\n  {"name": "x"}\n]');
    expect(missing.error).toEqual({
      message: "scenario has no `request`",
      position: { line: 2, column: 3 },
    });
    const unknown = parseScenarios(
      '{"request":{"principal":"a","action":"b","resource":"c"},"expect":"Allowed"}',
    );
    expect(unknown.error?.message).toBe("unknown field `expect` in scenario");
    const badExpected = parseScenarios(
      '{"request":{"principal":"a","action":"b","resource":"c"},"expected":"Allow"}',
    );
    expect(badExpected.error?.message).toContain("`expected` must be one of");
    const badPolicy = parseScenarios(
      '{"request":{"principal":"a","action":"b","resource":"c"},"identityPolicies":[{"Statement":[{"Efect":"Allow"}]}]}',
    );
    expect(badPolicy.error?.message).toBe(
      "identityPolicies[0]: unknown element `Efect` in statement 0; did you mean `Effect`",
    );
    expect(parseScenarios("{").error?.message).toMatch(/^json syntax: /);
  });
});
