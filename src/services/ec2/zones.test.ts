import { describe, expect, it } from "vitest";
import { resolveZone, zonesOf } from "./zones.js";

describe("availability zones", () => {
  it("names zones and ids of a region", () => {
    expect(zonesOf("us-east-1").slice(0, 2)).toEqual([
      { name: "us-east-1a", id: "use1-az1" },
      { name: "us-east-1b", id: "use1-az2" },
    ]);
    expect(zonesOf("sa-east-1")[0]).toEqual({ name: "sa-east-1a", id: "saeast1-az1" });
  });

  it("resolves by name, by id, or to the default zone", () => {
    expect(resolveZone("us-east-1", {})).toEqual({ name: "us-east-1a", id: "use1-az1" });
    expect(resolveZone("us-east-1", { zoneId: "use1-az3" }).name).toBe("us-east-1c");
    expect(resolveZone("us-east-1", { name: "us-east-1b", zoneId: "use1-az2" }).id).toBe(
      "use1-az2",
    );
  });

  it("refuses unknown or contradictory zones", () => {
    const code = expect.objectContaining({ code: "InvalidParameterValue" });
    expect(() => resolveZone("us-east-1", { name: "us-west-2a" })).toThrow(code);
    expect(() => resolveZone("us-east-1", { zoneId: "use1-az9" })).toThrow(code);
    expect(() => resolveZone("us-east-1", { name: "us-east-1a", zoneId: "use1-az2" })).toThrow(
      code,
    );
  });
});
