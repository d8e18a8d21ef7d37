import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { CloudFormationError } from "./errors.js";
import { PropertyReader } from "./properties.js";

const reader = (props: Record<string, unknown>) =>
  new PropertyReader("Res", props as PropertyReader["props"]);

describe("PropertyReader", () => {
  it("accepts CloudFormation's loose scalars", () => {
    const r = reader({ Port: "2049", On: "true", Name: 7, Doc: { Version: "2012-10-17" } });
    expect(r.optionalNumber("Port")).toBe(2049);
    expect(r.optionalBoolean("On")).toBe(true);
    expect(r.string("Name")).toBe("7");
    expect(r.policy("Doc")).toBe('{"Version":"2012-10-17"}');
    expect(r.strings("Missing")).toEqual([]);
  });

  it("refuses mistyped values in CloudFormation's words", () => {
    const r = reader({ Port: "twenty", Tags: [{ Key: "a" }], List: "x" });
    expect(thrown(CloudFormationError, () => r.optionalNumber("Port")).message).toBe(
      "Properties validation failed for resource Res with message: #/Port: expected type: Integer, found: string",
    );
    expect(thrown(CloudFormationError, () => r.tags("Tags")).message).toBe(
      "Properties validation failed for resource Res with message: #: required key [Value] not found",
    );
    expect(
      thrown(CloudFormationError, () => reader({ Gids: ["1", "x"] }).numbers("Gids")).message,
    ).toBe(
      "Properties validation failed for resource Res with message: #/Gids/1: expected type: Integer, found: string",
    );
    expect(thrown(CloudFormationError, () => r.strings("List")).message).toContain(
      "#/List: expected type: JSONArray",
    );
  });

  it("refuses a symbolic value anywhere in a list, saying what it stands for", () => {
    const r = reader({
      SubnetIds: ["subnet-1", { symbolic: true, description: "SSM parameter `/net/b`" }],
    });
    expect(thrown(CloudFormationError, () => r.strings("SubnetIds")).message).toBe(
      "property `SubnetIds` of `Res` depends on a value accesslab cannot know: SSM parameter `/net/b`",
    );
  });
});
