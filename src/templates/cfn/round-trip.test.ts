import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { fakeLookup, read } from "./resolve.test-support.js";

/** A property value: plain JSON or a long-form intrinsic over parameters and earlier resources. */
function valueArb(params: string[], earlier: string[]): fc.Arbitrary<unknown> {
  const leaves: fc.Arbitrary<unknown>[] = [
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -1000, max: 100000 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...params).map((p) => ({ Ref: p })),
    fc.constantFrom("AWS::Region", "AWS::AccountId", "AWS::StackName").map((p) => ({ Ref: p })),
    fc.constantFrom(...params).map((p) => ({ "Fn::Sub": `x-\${${p}}-\${AWS::Partition}` })),
    fc
      .tuple(fc.string({ maxLength: 3 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }))
      .map(([d, items]) => ({ "Fn::Join": [d, items] })),
  ];
  if (earlier.length > 0) {
    leaves.push(fc.constantFrom(...earlier).map((r) => ({ Ref: r })));
    leaves.push(fc.constantFrom(...earlier).map((r) => ({ "Fn::GetAtt": [r, "Arn"] })));
    leaves.push(fc.constantFrom(...earlier).map((r) => ({ "Fn::Sub": `\${${r}.Arn}/x` })));
  }
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      ...leaves,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), tie("value"), { maxKeys: 3 }),
    ),
  })).value;
}

const templateArb = fc
  .record({
    params: fc.uniqueArray(fc.stringMatching(/^P[A-Za-z0-9]{1,6}$/), {
      minLength: 1,
      maxLength: 3,
    }),
    count: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ params, count }) => {
    const ids = Array.from({ length: count }, (_, i) => `R${i}`);
    const resources = ids.map((id, i) =>
      fc
        .dictionary(fc.stringMatching(/^[A-Z][a-z]{0,6}$/), valueArb(params, ids.slice(0, i)), {
          maxKeys: 4,
        })
        .map((properties) => [id, { Type: "X::Y::Z", Properties: properties }] as const),
    );
    const defaults = params.map((p) =>
      fc.string({ maxLength: 8 }).map((d) => [p, { Type: "String", Default: d }] as const),
    );
    return fc.record({
      Parameters: fc.tuple(...defaults).map(Object.fromEntries),
      Resources: fc.tuple(...resources).map(Object.fromEntries),
    });
  });

describe("YAML and JSON templates", () => {
  it("resolve to the same resources, dependencies and properties", () => {
    fc.assert(
      fc.property(templateArb, (template) => {
        const json = read(JSON.stringify(template, null, 2));
        const yaml = read(stringify(template, { version: "1.1" }));
        expect(yaml.diagnostics).toEqual(json.diagnostics);
        expect(json.diagnostics.filter((d) => d.code !== "bad-intrinsic")).toEqual([]);
        expect(yaml.resources.map((r) => [r.logicalId, r.dependsOn])).toEqual(
          json.resources.map((r) => [r.logicalId, r.dependsOn]),
        );
        for (const [i, resource] of json.resources.entries()) {
          const fromYaml = yaml.resources[i]?.properties(fakeLookup);
          expect(stripPositions(fromYaml)).toEqual(stripPositions(resource.properties(fakeLookup)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Symbolic values carry positions, which differ between the two syntaxes. */
function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "position")
      .map(([k, v]) => [k, stripPositions(v)]),
  );
}
