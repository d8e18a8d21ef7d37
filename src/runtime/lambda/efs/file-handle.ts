/**
 * The `FileHandle` that `fs.promises.open` answers for a path on a mount:
 * `fd`, `read`, `write`, `readFile`, `writeFile`, `appendFile`, `stat`,
 * `truncate`, `sync`, `datasync` and `close` (also `Symbol.asyncDispose`),
 * over the descriptor table, each settled on a later tick.
 */
import type { MountedFds } from "./mounted-fds.js";
import type { MountedPaths } from "./mounted-paths.js";

const later = <T>(work: () => T): Promise<T> =>
  new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    }),
  );

/**
 * A promise-API handle on a mounted file.
 *
 * @example
 * const handle = new MountFileHandle(fd, fds, paths);
 * await handle.write("hello\n");
 * await handle.close();
 */
export class MountFileHandle {
  constructor(
    readonly fd: number,
    private readonly fds: MountedFds,
    private readonly paths: MountedPaths,
  ) {}

  /** Reads into a buffer (Node's `filehandle.read`). */
  read(...args: unknown[]): Promise<{ bytesRead: number; buffer: NodeJS.ArrayBufferView }> {
    return later(() => {
      const first = args[0];
      const options =
        first !== undefined && !ArrayBuffer.isView(first) ? (first as Record<string, unknown>) : {};
      const buffer = (
        ArrayBuffer.isView(first) ? first : (options.buffer ?? Buffer.alloc(16384))
      ) as NodeJS.ArrayBufferView;
      const rest = ArrayBuffer.isView(first) ? args.slice(1) : [options];
      const bytesRead = this.fds.read(this.fd, buffer, ...rest);
      return { bytesRead, buffer };
    });
  }

  /** Writes a buffer or a string (Node's `filehandle.write`). */
  write(data: unknown, ...rest: unknown[]): Promise<{ bytesWritten: number; buffer: unknown }> {
    return later(() => ({ bytesWritten: this.fds.write(this.fd, data, ...rest), buffer: data }));
  }

  /** The whole file. */
  readFile(options?: Record<string, unknown> | string): Promise<Buffer | string> {
    return later(() => {
      const { where, display } = this.fds.pathOf(this.fd);
      return this.paths.readFile(where, display, options);
    });
  }

  /** Replaces the content. */
  writeFile(data: unknown, options?: Record<string, unknown> | string): Promise<void> {
    return later(() => {
      const { where, display } = this.fds.pathOf(this.fd);
      this.paths.writeFile(where, display, data, options);
    });
  }

  /** Appends. */
  appendFile(data: unknown, options?: Record<string, unknown> | string): Promise<void> {
    return later(() => {
      const { where, display } = this.fds.pathOf(this.fd);
      this.paths.appendFile(where, display, data, options);
    });
  }

  stat() {
    return later(() => this.fds.fstat(this.fd));
  }

  truncate(size = 0) {
    return later(() => this.fds.ftruncate(this.fd, size));
  }

  sync() {
    return later(() => undefined);
  }

  datasync() {
    return later(() => undefined);
  }

  close(): Promise<void> {
    return later(() => this.fds.close(this.fd));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
