/**
 * Open files and directories of a FUSE mount: OPEN, CREATE and OPENDIR
 * hand the kernel a file handle number, READ/WRITE/READDIR bring it back
 * and RELEASE/RELEASEDIR end it. A file handle remembers its node and
 * whether writes append (the data plane then writes at the end it knows,
 * which the fs preload may have moved); a directory handle holds the
 * listing OPENDIR took, which READDIR serves by offset.
 */
import type { DirEntry } from "./dirent.js";

/** What a handle stands for. */
export type Handle =
  | { readonly kind: "file"; readonly nodeId: number; readonly append: boolean }
  | { readonly kind: "directory"; readonly nodeId: number; readonly listing: readonly DirEntry[] };

/**
 * Handle numbers to handles.
 *
 * @example
 * const handles = new HandleTable();
 * const fh = handles.open({ kind: "file", nodeId: 8, append: false });
 * handles.get(fh)?.kind; // "file"
 */
export class HandleTable {
  private next = 1;
  private readonly handles = new Map<number, Handle>();

  /**
   * Opens a handle and gives its number.
   *
   * @example
   * handles.open({ kind: "directory", nodeId: 1, listing: [] }); // 1
   */
  open(handle: Handle): number {
    const fh = this.next++;
    this.handles.set(fh, handle);
    return fh;
  }

  /**
   * The handle numbered `fh`.
   *
   * @example
   * handles.get(1);
   */
  get(fh: number): Handle | undefined {
    return this.handles.get(fh);
  }

  /**
   * Ends handle `fh`.
   *
   * @example
   * handles.release(1);
   */
  release(fh: number): void {
    this.handles.delete(fh);
  }

  /**
   * How many handles are open.
   *
   * @example
   * handles.size; // 0 once every file is closed
   */
  get size(): number {
    return this.handles.size;
  }
}
