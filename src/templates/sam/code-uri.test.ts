import { describe, expect, it } from "vitest";
import { jsonNodeFromValue, jsonNodeToValue } from "../../formats/json-tree.js";
import { codeLocation, parseS3Uri } from "./code-uri.js";

const code = (properties: unknown) => {
  const location = codeLocation(jsonNodeFromValue(properties), undefined);
  return { code: jsonNodeToValue(location.code), localPath: location.localPath };
};

describe("codeLocation", () => {
  it("reads S3 URIs with and without a version, and Bucket/Key/Version maps", () => {
    expect(code({ CodeUri: "s3://b/dir/k.zip?versionId=7" })).toEqual({
      code: { S3Bucket: "b", S3Key: "dir/k.zip", S3ObjectVersion: "7" },
      localPath: undefined,
    });
    expect(code({ CodeUri: { Bucket: "b", Key: "k", Version: "2" } }).code).toEqual({
      S3Bucket: "b",
      S3Key: "k",
      S3ObjectVersion: "2",
    });
  });

  it("turns InlineCode into ZipFile and ImageUri into ImageUri", () => {
    expect(code({ InlineCode: "exports.handler = 1" }).code).toEqual({
      ZipFile: "exports.handler = 1",
    });
    expect(code({ ImageUri: "123.dkr.ecr/x:1" }).code).toEqual({ ImageUri: "123.dkr.ecr/x:1" });
  });

  it("keeps local paths, and a missing CodeUri as the template directory, under the marker", () => {
    expect(code({ CodeUri: "./src" })).toEqual({
      code: { S3Bucket: "accesslab-local-code", S3Key: "./src" },
      localPath: "./src",
    });
    expect(code({}).localPath).toBe(".");
  });
});

describe("parseS3Uri", () => {
  it("rejects a URI without a key", () => {
    expect(parseS3Uri("s3://bucket-only")).toBeUndefined();
  });
});
