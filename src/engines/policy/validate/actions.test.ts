import { describe, expect, it } from "vitest";
import { staticCatalogue } from "./static-catalogue.js";
import { validatePolicy } from "./validate.js";

const catalogue = staticCatalogue({
  serviceNames: ["s3", "elasticfilesystem", "ec2"],
  services: {
    s3: {
      actions: { GetObject: [], PutObject: [], ListBucket: ["s3:prefix"] },
      conditionKeys: { "s3:prefix": "String" },
    },
    elasticfilesystem: { actions: { ClientMount: [], ClientWrite: [] }, conditionKeys: {} },
  },
});

function findings(action: unknown, withCatalogue = true) {
  const text = JSON.stringify({
    Version: "2012-10-17",
    Statement: { Effect: "Allow", Action: action, Resource: "*" },
  });
  return validatePolicy(text, { kind: "identity", ...(withCatalogue ? { catalogue } : {}) });
}
const codes = (action: unknown, withCatalogue = true) =>
  findings(action, withCatalogue).map((f) => f.code);

describe("actions", () => {
  it("rejects text that is not service:action", () => {
    for (const bad of ["s3", "s3:", ":GetObject", "s3:Get Object", "s3:a:b"])
      expect(codes(bad, false)).toEqual(["invalid-action"]);
    expect(codes("s3:GetObject", false)).toEqual([]);
    expect(codes("*", false)).toEqual([]);
  });

  it("suggests naming the service instead of a wildcard in it", () => {
    expect(codes("s*:GetObject")).toEqual(["wildcard-in-service-name"]);
  });

  it("reports unknown services only with a catalogue", () => {
    expect(codes("s4:GetObject")).toEqual(["unknown-service"]);
    expect(codes("s4:GetObject", false)).toEqual([]);
  });

  it("reports unknown actions with the closest name, ignoring case", () => {
    const [finding] = findings("s3:GetObjekt");
    expect(finding).toMatchObject({ type: "ERROR", code: "unknown-action" });
    expect(finding?.message).toBe(
      "action `s3:GetObjekt` does not exist in `s3`; did you mean `s3:GetObject`",
    );
    expect(codes("S3:getobject")).toEqual([]);
    expect(codes("elasticfilesystem:ClientMout")[0]).toBe("unknown-action");
  });

  it("requires a wildcard to match at least one action", () => {
    expect(codes("s3:Get*")).toEqual([]);
    expect(codes("s3:?utObject")).toEqual([]);
    expect(codes("s3:Gett*")).toEqual(["unknown-action"]);
  });

  it("skips services the catalogue knows but did not load", () => {
    expect(codes("ec2:NoSuchThing")).toEqual([]);
  });

  it("checks NotAction values too", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: { Effect: "Deny", NotAction: "s3:GetObjekt", Resource: "*" },
    });
    expect(validatePolicy(text, { kind: "identity", catalogue }).map((f) => f.code)).toEqual([
      "unknown-action",
    ]);
  });
});
