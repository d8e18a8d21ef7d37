/** JSON bodies: objects only, size cap, and AWS-style errors for every failure. */
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "./json.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseJsonBody", () => {
  it("parses objects and treats an empty body as {}", () => {
    expect(parseJsonBody(bytes('{"SecretId":"db","N":1}'))).toEqual({ SecretId: "db", N: 1 });
    expect(parseJsonBody(bytes(""))).toEqual({});
    expect(parseJsonBody(bytes("  \n"))).toEqual({});
  });

  it.each([
    ["{", /^request body is not valid JSON: /],
    ["[1]", /must be a JSON object, not `array`/],
    ["null", /not `null`/],
    ['"x"', /not `string`/],
  ])("refuses %s with SerializationException", (text, message) => {
    expect(() => parseJsonBody(bytes(text))).toThrow(
      expect.objectContaining({
        code: "SerializationException",
        httpStatus: 400,
        message: expect.stringMatching(message),
      }),
    );
  });

  it("refuses invalid UTF-8 and oversized bodies", () => {
    expect(() => parseJsonBody(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(
      expect.objectContaining({ code: "SerializationException" }),
    );
    expect(() => parseJsonBody(bytes(`{"a":"${"x".repeat(100)}"}`), 50)).toThrow(
      expect.objectContaining({ code: "RequestEntityTooLargeException", httpStatus: 413 }),
    );
    expect(parseJsonBody(bytes(`{"a":"${"x".repeat(1000)}"}`)).a).toHaveLength(1000);
  });
});
