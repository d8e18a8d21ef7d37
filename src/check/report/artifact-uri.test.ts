import { describe, expect, it } from "vitest";
import { artifactLocation, directoryUri } from "./artifact-uri.js";

describe("artifactLocation", () => {
  it("makes paths relative to the working directory, encoded, with the %SRCROOT% base", () => {
    expect(artifactLocation("./t/my app.yaml", "/repo")).toEqual({
      uri: "t/my%20app.yaml",
      uriBaseId: "%SRCROOT%",
    });
    expect(artifactLocation("/repo/t.yaml", "/repo/")).toEqual({
      uri: "t.yaml",
      uriBaseId: "%SRCROOT%",
    });
    expect(artifactLocation("t\\a.yaml", "/repo")).toEqual({
      uri: "t/a.yaml",
      uriBaseId: "%SRCROOT%",
    });
  });

  it("keeps an absolute file URI outside the working directory, even with a shared prefix", () => {
    expect(artifactLocation("/repository/t.yaml", "/repo")).toEqual({
      uri: "file:///repository/t.yaml",
    });
    expect(artifactLocation("/tmp/a b.yaml", "/repo")).toEqual({ uri: "file:///tmp/a%20b.yaml" });
  });

  it("gives directories a trailing slash", () => {
    expect(directoryUri("/my repo/")).toBe("file:///my%20repo/");
  });
});
