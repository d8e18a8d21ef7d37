/**
 * File type and permission bits as Linux packs them into `st_mode`, the
 * `ls -la` rendering of a mode (`drwxrwsr-x`, with `s`/`S`/`t`/`T` for the
 * special bits), and the parsing of octal permission strings such as EFS's
 * CreationInfo `Permissions` ("755", "0755", "2775").
 */

/** Mask of the file-type bits. */
export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;
/** Set-user-id on execution. */
export const S_ISUID = 0o4000;
/** Set-group-id: on a file, run as its group; on a directory, pass the group to new entries. */
export const S_ISGID = 0o2000;
/** Sticky bit: in a directory, only owners may delete or rename entries. */
export const S_ISVTX = 0o1000;
/** Every permission bit, special bits included (Linux's S_IALLUGO). */
export const S_IALLUGO = 0o7777;
/** The nine rwx bits. */
export const S_IRWXUGO = 0o777;
/** The three execute bits. */
export const S_IXUGO = 0o111;
export const S_IXGRP = 0o010;
export const S_IWOTH = 0o002;
export const S_IWGRP = 0o020;

/** The three kinds of inode a file system here holds. */
export type FileType = "file" | "directory" | "symlink";

const TYPE_BITS: Readonly<Record<FileType, number>> = {
  file: S_IFREG,
  directory: S_IFDIR,
  symlink: S_IFLNK,
};

/**
 * The file type encoded in `mode`, or undefined for types this engine does
 * not keep (devices, fifos, sockets).
 *
 * @example
 * fileType(0o040755); // "directory"
 */
export function fileType(mode: number): FileType | undefined {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return "file";
    case S_IFDIR:
      return "directory";
    case S_IFLNK:
      return "symlink";
    default:
      return undefined;
  }
}

/**
 * The type bits for `type`.
 *
 * @example
 * typeBits("symlink") | 0o777; // 0o120777
 */
export function typeBits(type: FileType): number {
  return TYPE_BITS[type];
}

/**
 * Whether `mode` is a directory.
 *
 * @example
 * isDirectoryMode(0o040755); // true
 */
export function isDirectoryMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFDIR;
}

/**
 * Whether `mode` is a regular file.
 *
 * @example
 * isRegularMode(0o100644); // true
 */
export function isRegularMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFREG;
}

/**
 * Whether `mode` is a symbolic link.
 *
 * @example
 * isSymlinkMode(0o120777); // true
 */
export function isSymlinkMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFLNK;
}

/**
 * The ten-character mode column of `ls -la`.
 *
 * @example
 * modeString(0o040764); // "drwxrw-r--"
 * modeString(0o102755); // "-rwxr-sr-x"
 * modeString(0o041777); // "drwxrwxrwt"
 */
export function modeString(mode: number): string {
  const type = fileType(mode);
  const lead = type === "directory" ? "d" : type === "symlink" ? "l" : "-";
  const triad = (shift: number, special: number, specialChar: string): string => {
    const bits = (mode >> shift) & 7;
    const r = bits & 4 ? "r" : "-";
    const w = bits & 2 ? "w" : "-";
    const x = bits & 1;
    let last = x ? "x" : "-";
    if (mode & special) last = x ? specialChar : specialChar.toUpperCase();
    return r + w + last;
  };
  return lead + triad(6, S_ISUID, "s") + triad(3, S_ISGID, "s") + triad(0, S_ISVTX, "t");
}

/** An octal mode string that did parse, or why not. */
export type ParsedMode = { ok: true; value: number } | { ok: false; error: string };

/**
 * Parses an octal permission string of three or four digits ("755",
 * "0755", "2775"); the result holds permission bits only (no type bits).
 *
 * @example
 * parseOctalMode("755"); // { ok: true, value: 0o755 }
 * parseOctalMode("9");   // { ok: false, error: "..." }
 */
export function parseOctalMode(text: string): ParsedMode {
  if (!/^[0-7]{3,4}$/.test(text)) {
    return { ok: false, error: `\`${text}\` is not an octal mode of 3 or 4 digits` };
  }
  return { ok: true, value: Number.parseInt(text, 8) };
}

/**
 * The permission bits of `mode` as four octal digits.
 *
 * @example
 * formatOctalMode(0o100644); // "0644"
 */
export function formatOctalMode(mode: number): string {
  return (mode & S_IALLUGO).toString(8).padStart(4, "0");
}
