import { describe, expect, it } from "vitest";
import { parseHandlerName } from "./handler-name.js";

describe("parseHandlerName", () => {
  it("splits the module from the export at the first dot after the last slash", () => {
    expect(parseHandlerName("index.handler")).toEqual({ module: "index", path: ["handler"] });
    expect(parseHandlerName("src/v1.2/app.handlers.get")).toEqual({
      module: "src/v1.2/app",
      path: ["handlers", "get"],
    });
  });

  it("refuses settings without a module or an export", () => {
    for (const bad of ["index", "index.", ".handler", "lib/.handler", "a..b", ""])
      expect(parseHandlerName(bad), bad).toBeUndefined();
  });
});
