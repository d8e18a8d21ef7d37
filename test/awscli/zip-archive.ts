/**
 * Test support: zip archives for Lambda deployment packages (`aws lambda
 * create-function --zip-file fileb://…`), written with fflate. Entries are
 * stored uncompressed, so an archive is as large as its contents, which
 * the request-size tests rely on.
 */
import { type Zippable, zipSync } from "fflate";

/** One file to put in the archive. */
export interface ZipEntry {
  readonly name: string;
  readonly content: string | Buffer;
}

/**
 * The bytes of a zip archive holding `entries`, stored uncompressed.
 *
 * @example
 * const zip = zipArchive([{ name: "index.js", content: "exports.handler = async () => 1;\n" }]);
 * zip.subarray(0, 4).toString("hex"); // "504b0304"
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries)
    files[entry.name] =
      typeof entry.content === "string"
        ? new TextEncoder().encode(entry.content)
        : new Uint8Array(entry.content);
  return Buffer.from(zipSync(files, { level: 0 }));
}
