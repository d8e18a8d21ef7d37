/**
 * Inline Lambda code (`Code.ZipFile`): CloudFormation writes the source
 * text into a file named `index` with the runtime's extension (`index.js`
 * for Node.js, so the handler is CommonJS; `index.py` for Python) and zips
 * it as the deployment package. The archive is built with a fixed
 * modification time, so the same source always gives the same CodeSha256.
 */
import { strToU8, zipSync } from "fflate";

/** The zip entries' modification time: fixed, for a stable CodeSha256. */
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1));

/**
 * The file name CloudFormation gives inline source for `runtime`.
 *
 * @example
 * inlineFileName("nodejs22.x"); // "index.js"
 */
export function inlineFileName(runtime: string | undefined): string {
  return runtime?.startsWith("python") ? "index.py" : "index.js";
}

/**
 * The deployment package, base64-encoded, for inline `source`.
 *
 * @example
 * inlineCodeZip("exports.handler = async () => 1;", "nodejs22.x"); // "UEsDBBQ…"
 */
export function inlineCodeZip(source: string, runtime: string | undefined): string {
  const archive = zipSync(
    { [inlineFileName(runtime)]: [strToU8(source), { mtime: FIXED_MTIME }] },
    { level: 6 },
  );
  return Buffer.from(archive).toString("base64");
}
