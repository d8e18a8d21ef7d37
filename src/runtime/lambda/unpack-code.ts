/**
 * Unpacks a deployment package (a zip archive) into a directory with
 * `yauzl`, which refuses entry names that are absolute or climb out with
 * `..`. Directories are created world-traversable (0755); files keep the
 * permission bits the archive records for Unix (so a package whose files
 * are not world-readable fails to load for the sandbox user, as Lambda
 * warns it would), or 0644 when the archive records none. Symbolic links
 * are recreated after every regular file, so no entry is written through
 * one.
 */
import { createWriteStream } from "node:fs";
import { chmod, mkdir, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/**
 * Extracts `zip` into `directory` (which must exist); rejects with yauzl's
 * error for a damaged archive or an unsafe entry name.
 *
 * @example
 * await unpackZip(Buffer.from(zipFileBase64, "base64"), "/tmp/accesslab-lambda-x/abc");
 */
export async function unpackZip(zip: Buffer, directory: string): Promise<void> {
  const archive = await yauzl.fromBufferPromise(zip, { strictFileNames: false });
  const links: { path: string; target: string }[] = [];
  try {
    for await (const entry of archive.eachEntry()) {
      const path = join(directory, entry.fileName);
      const unixMode = entry.versionMadeBy >> 8 === 3 ? entry.externalFileAttributes >>> 16 : 0;
      const type = unixMode & S_IFMT;
      if (entry.fileName.endsWith("/") || type === S_IFDIR) {
        await mkdir(path, { recursive: true, mode: 0o755 });
        continue;
      }
      await mkdir(dirname(path), { recursive: true, mode: 0o755 });
      const stream = await archive.openReadStreamPromise(entry);
      if (type === S_IFLNK) {
        links.push({ path, target: await text(stream) });
        continue;
      }
      await pipeline(stream, createWriteStream(path, { flags: "wx" }));
      await chmod(path, unixMode & 0o777 ? unixMode & 0o777 : 0o644);
    }
  } finally {
    archive.close();
  }
  for (const link of links) await symlink(link.target, link.path);
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
