import { describe, expect, it } from "vitest";
import { errorDocument, runtimeError } from "./error-document.js";

describe("errorDocument", () => {
  it("takes an error's name, message and stack lines", () => {
    class Custom extends Error {
      override name = "CustomError";
    }
    const doc = errorDocument(new Custom("went wrong"));
    expect(doc.errorType).toBe("CustomError");
    expect(doc.errorMessage).toBe("went wrong");
    expect(doc.trace?.[0]).toBe("CustomError: went wrong");
    expect(doc.trace?.length).toBeGreaterThan(1);
  });

  it("types any other value by typeof, with no trace", () => {
    expect(errorDocument("boom")).toEqual({ errorType: "string", errorMessage: "boom", trace: [] });
    expect(errorDocument({ code: 1 })).toEqual({
      errorType: "object",
      errorMessage: '{"code":1}',
      trace: [],
    });
    expect(errorDocument(42).errorType).toBe("number");
  });

  it("builds runtime errors with a fixed type", () => {
    expect(runtimeError("Runtime.HandlerNotFound", "x")).toEqual({
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "x",
      trace: [],
    });
  });
});
