/**
 * Test support: deployment packages built in the test itself. A minimal
 * zip writer (local headers, deflated data, central directory) good
 * enough for handler files, with Unix permission bits when asked, so tests
 * need no archive tool on the machine. Reading zips is yauzl's job in the
 * runtime; this only writes them.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One file of a package: its text, and optionally its Unix mode (e.g. 0o600). */
export type PackageFile = string | { readonly text: string; readonly mode: number };

/**
 * A zip archive of `files` (path → content), as a Buffer.
 *
 * @example
 * const zip = zipPackage({ "index.js": "exports.handler = async () => 1;" });
 */
export function zipPackage(files: Readonly<Record<string, PackageFile>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, file] of Object.entries(files)) {
    const text = typeof file === "string" ? file : file.text;
    const mode = typeof file === "string" ? undefined : file.mode;
    const data = Buffer.from(text, "utf8");
    const packed = deflateRawSync(data);
    const name = Buffer.from(path, "utf8");
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(mode === undefined ? 20 : (3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(mode === undefined ? 0 : ((0o100000 | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
