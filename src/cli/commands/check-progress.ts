/**
 * The progress line `accesslab check` shows on stderr while it works
 * through many files (`checking 37/120 templates/x.yaml`), rewritten in
 * place and erased at the end; only when stderr is a terminal, so logs
 * and pipes never see it.
 */

/** Files above which a progress line is shown. */
export const PROGRESS_THRESHOLD = 10;

/** What the progress line writes to. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** A progress reporter: `update` after each file, `done` at the end. */
export interface Progress {
  update(done: number, total: number, file: string): void;
  done(): void;
}

/**
 * A progress reporter for `total` files on `stream` (silent when not needed).
 *
 * @example
 * const progress = progressLine(process.stderr, files.length);
 * progress.update(37, 120, "templates/x.yaml"); // "\r\x1b[2Kchecking 37/120 templates/x.yaml"
 */
export function progressLine(stream: ProgressStream, total: number): Progress {
  const active = stream.isTTY === true && total > PROGRESS_THRESHOLD;
  let shown = false;
  return {
    update(done, all, file) {
      if (!active) return;
      stream.write(`\r\x1b[2Kchecking ${done}/${all} ${file}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
