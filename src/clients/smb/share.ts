/**
 * A connected share and the file operations a function needs on it:
 * list a directory, read, write and remove a file, make and remove a
 * directory. Paths use `/` or `\` and are relative to the share's root.
 * A file is read and written in chunks as large as the connection allows,
 * several in flight at once.
 */

import type { SmbExchange, SmbRequest } from "./connection.js";
import {
  ACCESS,
  type CreateSpec,
  closeRequest,
  createRequest,
  DISPOSITION,
  OPTIONS,
  parseCreateResponse,
} from "./create.js";
import { COMMAND } from "./header.js";
import { type DirectoryEntry, directoryEntries, queryDirectoryRequest } from "./query-directory.js";
import { readData, readRequest, writeRequest, writtenCount } from "./read-write.js";
import { deleteOnCloseRequest } from "./set-info.js";
import { NT_STATUS, SmbError, statusError } from "./status.js";

/** The output buffer of one QUERY_DIRECTORY. */
const CHUNK = 65536;
/** How many READs or WRITEs of one file are in flight at once (credits permitting). */
const IN_FLIGHT = 4;

/** How the share sends requests (its session and tree ids are filled in). */
export type TreeRequest = (
  request: Omit<SmbRequest, "sessionId" | "treeId">,
) => Promise<SmbExchange>;

/** A share on the server. */
export class SmbShare {
  constructor(
    /** The share's name. */
    readonly name: string,
    private readonly send: TreeRequest,
    private readonly limits: { readonly maxRead: number; readonly maxWrite: number },
  ) {}

  /**
   * The entries of a directory (without `.` and `..`).
   *
   * @example
   * (await share.readdir("")).map((e) => e.name); // ["report.txt"]
   */
  async readdir(path: string): Promise<DirectoryEntry[]> {
    const entries: DirectoryEntry[] = [];
    await this.withOpen(
      `list \`${path}\``,
      {
        path,
        access: ACCESS.READ_DATA,
        disposition: DISPOSITION.OPEN,
        options: OPTIONS.DIRECTORY_FILE,
      },
      async (fileId) => {
        for (let restart = true; ; restart = false) {
          const answer = await this.send({
            command: COMMAND.QUERY_DIRECTORY,
            body: queryDirectoryRequest(fileId, restart, CHUNK),
          });
          if (answer.header.status === NT_STATUS.STATUS_NO_MORE_FILES) return;
          this.check(answer, `list \`${path}\``);
          entries.push(
            ...directoryEntries(answer.message).filter((e) => e.name !== "." && e.name !== ".."),
          );
        }
      },
    );
    return entries;
  }

  /**
   * Writes `data` to a file, creating or replacing it.
   *
   * @example
   * await share.writeFile("reports/today.txt", "hello");
   */
  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    const bytes =
      typeof data === "string"
        ? Buffer.from(data)
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const what = `write \`${path}\``;
    await this.withOpen(
      what,
      {
        path,
        access: ACCESS.WRITE_DATA,
        disposition: DISPOSITION.OVERWRITE_IF,
        options: OPTIONS.NON_DIRECTORY_FILE,
      },
      async (fileId) => {
        const chunk = this.limits.maxWrite;
        await inFlight(Math.ceil(bytes.length / chunk), async (i) => {
          const end = Math.min(bytes.length, (i + 1) * chunk);
          for (let offset = i * chunk; offset < end; ) {
            const answer = await this.send({
              command: COMMAND.WRITE,
              body: writeRequest(fileId, BigInt(offset), bytes.subarray(offset, end)),
              payload: end - offset,
            });
            this.check(answer, what);
            const written = writtenCount(answer.message);
            if (written === 0)
              throw new SmbError("SMB_PROTOCOL", `${what}: the server wrote nothing`);
            offset += written;
          }
        });
      },
    );
  }

  /**
   * The contents of a file.
   *
   * @example
   * (await share.readFile("reports/today.txt")).toString(); // "hello"
   */
  async readFile(path: string): Promise<Buffer> {
    const what = `read \`${path}\``;
    const parts: { offset: number; data: Buffer }[] = [];
    await this.withOpen(
      what,
      {
        path,
        access: ACCESS.READ_DATA,
        disposition: DISPOSITION.OPEN,
        options: OPTIONS.NON_DIRECTORY_FILE,
      },
      async (fileId, size) => {
        const chunk = this.limits.maxRead;
        const total = Number(size);
        await inFlight(Math.ceil(total / chunk), async (i) => {
          const end = Math.min(total, (i + 1) * chunk);
          for (let offset = i * chunk; offset < end; ) {
            const length = end - offset;
            const answer = await this.send({
              command: COMMAND.READ,
              body: readRequest(fileId, BigInt(offset), length),
              payload: length,
            });
            if (answer.header.status === NT_STATUS.STATUS_END_OF_FILE) return;
            this.check(answer, what);
            const data = readData(answer.message);
            if (data.length === 0) return;
            parts.push({ offset, data });
            offset += data.length;
          }
        });
      },
    );
    parts.sort((a, b) => a.offset - b.offset);
    return Buffer.concat(parts.map((p) => p.data));
  }

  /**
   * Makes a directory (its parent must exist).
   *
   * @example
   * await share.mkdir("reports");
   */
  async mkdir(path: string): Promise<void> {
    await this.withOpen(
      `make directory \`${path}\``,
      {
        path,
        access: ACCESS.READ_DATA,
        disposition: DISPOSITION.CREATE,
        options: OPTIONS.DIRECTORY_FILE,
      },
      async () => {},
    );
  }

  /**
   * Removes a file.
   *
   * @example
   * await share.unlink("reports/today.txt");
   */
  async unlink(path: string): Promise<void> {
    await this.remove(path, OPTIONS.NON_DIRECTORY_FILE, `remove \`${path}\``);
  }

  /**
   * Removes an empty directory.
   *
   * @example
   * await share.rmdir("reports");
   */
  async rmdir(path: string): Promise<void> {
    await this.remove(path, OPTIONS.DIRECTORY_FILE, `remove directory \`${path}\``);
  }

  private remove(path: string, kind: number, what: string): Promise<void> {
    return this.withOpen(
      what,
      { path, access: ACCESS.DELETE, disposition: DISPOSITION.OPEN, options: kind },
      async (fileId) => {
        const answer = await this.send({
          command: COMMAND.SET_INFO,
          body: deleteOnCloseRequest(fileId),
        });
        this.check(answer, what);
      },
    );
  }

  private async withOpen(
    what: string,
    spec: CreateSpec,
    use: (fileId: Buffer, size: bigint) => Promise<void>,
  ): Promise<void> {
    const opened = await this.send({
      command: COMMAND.CREATE,
      body: createRequest({ ...spec, path: smbPath(spec.path) }),
    });
    this.check(opened, what);
    const { fileId, size } = parseCreateResponse(opened.message);
    try {
      await use(fileId, size);
    } finally {
      const closed = await this.send({ command: COMMAND.CLOSE, body: closeRequest(fileId) });
      this.check(closed, what);
    }
  }

  private check(answer: SmbExchange, what: string): void {
    if (answer.header.status !== NT_STATUS.STATUS_SUCCESS)
      throw statusError(answer.header.status, what);
  }
}

/**
 * Runs `work(0)` … `work(count - 1)`, at most IN_FLIGHT at a time. After a
 * failure no new work starts, and the first failure is thrown once the
 * work in flight has settled (so the file is not closed under it).
 */
async function inFlight(count: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < count) {
      try {
        await work(next++);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(IN_FLIGHT, count) }, lane));
  const rejected = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
  if (rejected) throw rejected.reason;
}

/** A share-relative path in SMB's form: backslashes, no leading or trailing one. */
function smbPath(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
  return parts.join("\\");
}
