import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { prepareCode } from "./code.js";
import { LambdaError } from "./errors.js";
import { EMPTY_ZIP, EMPTY_ZIP_SHA256 } from "./seed.test-support.js";

describe("prepareCode", () => {
  it("measures and hashes a zip upload", () => {
    expect(prepareCode({ zipFileBase64: EMPTY_ZIP })).toEqual({
      code: { kind: "zip", zipFileBase64: EMPTY_ZIP },
      codeSize: 22,
      codeSha256: EMPTY_ZIP_SHA256,
    });
  });

  it("refuses text that is not base64 of a zip", () => {
    for (const zipFileBase64 of ["not base64!", Buffer.from("x".repeat(30)).toString("base64")])
      expect(thrown(LambdaError, () => prepareCode({ zipFileBase64 })).code).toBe(
        "InvalidParameterValueException",
      );
  });
});
