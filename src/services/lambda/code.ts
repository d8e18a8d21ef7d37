/**
 * A deployment package as Lambda takes it: an uploaded zip (base64 on the
 * wire; it must be a zip archive, else Lambda's "Could not unzip uploaded
 * file. …") or an S3 bucket and key. The package's CodeSize is its length
 * in bytes and its CodeSha256 the base64 SHA-256 of its bytes.
 */
import { createHash } from "node:crypto";
import { NO_CODE_SOURCE_MESSAGE, S3_CODE_SIZE } from "./assumptions.js";
import { invalidParameter } from "./errors.js";
import type { CodeInput } from "./function-input.js";
import type { FunctionCode } from "./model.js";

/** Lambda's answer for an upload that is not a zip archive. */
export const NOT_A_ZIP_MESSAGE =
  "Could not unzip uploaded file. Please check your file, then try to upload again.";

/** A package ready to keep, with its size and hash. */
export interface PreparedCode {
  readonly code: FunctionCode;
  readonly codeSize: number;
  readonly codeSha256: string;
}

/**
 * Reads a package, or throws `InvalidParameterValueException`.
 *
 * @example
 * prepareCode({ zipFileBase64: "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" }).codeSize; // 22
 */
export function prepareCode(input: CodeInput): PreparedCode {
  if (input.zipFileBase64 !== undefined) {
    const bytes = Buffer.from(input.zipFileBase64, "base64");
    if (!isZip(bytes) || bytes.toString("base64") !== canonical(input.zipFileBase64))
      throw invalidParameter(NOT_A_ZIP_MESSAGE);
    return {
      code: { kind: "zip", zipFileBase64: bytes.toString("base64") },
      codeSize: bytes.length,
      codeSha256: sha256(bytes),
    };
  }
  if (input.s3Bucket !== undefined && input.s3Key !== undefined) {
    const reference = `s3://${input.s3Bucket}/${input.s3Key}`;
    return {
      code: {
        kind: "s3",
        s3Bucket: input.s3Bucket,
        s3Key: input.s3Key,
        ...(input.s3ObjectVersion !== undefined ? { s3ObjectVersion: input.s3ObjectVersion } : {}),
      },
      codeSize: S3_CODE_SIZE,
      codeSha256: sha256(Buffer.from(reference, "utf8")),
    };
  }
  throw invalidParameter(NO_CODE_SOURCE_MESSAGE);
}

/** A zip archive starts with a local file header or, when empty, the end-of-directory record. */
function isZip(bytes: Buffer): boolean {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return (bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6);
}

/** Base64 text as Node would re-encode it (padding restored, whitespace dropped). */
function canonical(text: string): string {
  const bare = text.replace(/\s+/g, "").replace(/=+$/, "");
  return bare + "=".repeat((4 - (bare.length % 4)) % 4);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64");
}
