import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { LambdaError } from "./errors.js";
import { parseFunctionName } from "./function-name.js";

const here = { region: "us-east-1", account: "000000000000" };

describe("parseFunctionName", () => {
  it("reads names, partial and full ARNs with a qualifier", () => {
    expect(parseFunctionName(here, "app")).toEqual({
      name: "app",
      account: "000000000000",
      arn: "arn:aws:lambda:us-east-1:000000000000:function:app",
    });
    expect(parseFunctionName(here, "111111111111:function:app:$LATEST")).toMatchObject({
      name: "app",
      account: "111111111111",
      qualifier: "$LATEST",
    });
  });

  it("refuses another Region and a malformed name", () => {
    const region = thrown(LambdaError, () =>
      parseFunctionName(here, "arn:aws:lambda:us-west-2:000000000000:function:app"),
    );
    expect([region.code, region.message]).toEqual([
      "InvalidParameterValueException",
      "Functions from 'us-west-2' are not reachable in this region ('us-east-1')",
    ]);
    const bad = thrown(LambdaError, () => parseFunctionName(here, "my app"));
    expect(bad.code).toBe("ValidationException");
    expect(bad.message).toMatch(/^1 validation error detected: Value 'my app' at 'functionName'/);
  });
});
