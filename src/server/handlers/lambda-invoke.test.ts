import { describe, expect, it } from "vitest";
import { invokeResponse } from "./lambda-invoke.js";

describe("invokeResponse", () => {
  it("answers the payload with Lambda's headers", () => {
    const response = invokeResponse(
      {
        status: 200,
        payload: '{"e":1}',
        executedVersion: "$LATEST",
        functionError: "Unhandled",
        logResult: "U1RBUlQ=",
      },
      "r-1",
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"e":1}');
    expect(response.headers).toMatchObject({
      "x-amzn-requestid": "r-1",
      "x-amz-executed-version": "$LATEST",
      "x-amz-function-error": "Unhandled",
      "x-amz-log-result": "U1RBUlQ=",
    });
  });

  it("answers an empty body for Event and DryRun", () => {
    expect(invokeResponse({ status: 202 }, "r")).toEqual({
      status: 202,
      headers: { "x-amzn-requestid": "r" },
      body: "",
    });
    expect(invokeResponse({ status: 204 }, "r").status).toBe(204);
  });
});
