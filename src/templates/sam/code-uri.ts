/**
 * A SAM function's code location as Lambda's `Code`: `InlineCode` becomes
 * `ZipFile`, `ImageUri` becomes `ImageUri`, an `s3://bucket/key[?versionId=v]`
 * string or a `{Bucket, Key, Version}` map becomes `S3Bucket`/`S3Key`/
 * `S3ObjectVersion`. A local path (what `sam build` and `sam deploy` upload
 * before the transform runs; absent `CodeUri` means the template's
 * directory) is kept under the {@link LOCAL_CODE_BUCKET} marker.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import { LOCAL_CODE_BUCKET } from "./assumptions.js";
import { isIntrinsic, member, object, text } from "./nodes.js";

/** Lambda's `Code`, and the local path when the code is not uploaded yet. */
export interface CodeLocation {
  readonly code: JsonNode;
  readonly localPath?: string;
}

/**
 * Reads the code location from merged SAM function properties.
 *
 * @example
 * codeLocation(properties, fn.position).code; // { S3Bucket: "b", S3Key: "k" } as a tree
 */
export function codeLocation(
  properties: JsonNode,
  position: SourcePosition | undefined,
): CodeLocation {
  const inline = member(properties, "InlineCode");
  if (inline) return { code: object([["ZipFile", inline]], inline.position ?? position) };
  const image = member(properties, "ImageUri");
  if (image) return { code: object([["ImageUri", image]], image.position ?? position) };
  const uri = member(properties, "CodeUri");
  const where = uri?.position ?? position;
  if (uri?.kind === "object" && !isIntrinsic(uri))
    return {
      code: object(
        [
          ["S3Bucket", member(uri, "Bucket")],
          ["S3Key", member(uri, "Key")],
          ["S3ObjectVersion", member(uri, "Version")],
        ],
        where,
      ),
    };
  if (uri?.kind === "string" && uri.value.startsWith("s3://")) {
    const s3 = parseS3Uri(uri.value);
    if (s3)
      return {
        code: object(
          [
            ["S3Bucket", text(s3.bucket, where)],
            ["S3Key", text(s3.key, where)],
            ["S3ObjectVersion", s3.version !== undefined ? text(s3.version, where) : undefined],
          ],
          where,
        ),
      };
  }
  const path = uri?.kind === "string" ? uri.value : uri ? "<intrinsic CodeUri>" : ".";
  return {
    code: object(
      [
        ["S3Bucket", text(LOCAL_CODE_BUCKET, where)],
        ["S3Key", text(path, where)],
      ],
      where,
    ),
    localPath: path,
  };
}

/**
 * Splits `s3://bucket/key[?versionId=v]`.
 *
 * @example
 * parseS3Uri("s3://b/k.zip?versionId=3"); // { bucket: "b", key: "k.zip", version: "3" }
 */
export function parseS3Uri(
  uri: string,
): { bucket: string; key: string; version?: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/([^?]+)(?:\?versionId=(.+))?$/.exec(uri);
  if (!match?.[1] || !match[2]) return undefined;
  return { bucket: match[1], key: match[2], ...(match[3] ? { version: match[3] } : {}) };
}
