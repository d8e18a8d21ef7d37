import { describe, expect, it } from "vitest";
import { PROGRESS_THRESHOLD, progressLine } from "./check-progress.js";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe("progressLine", () => {
  it("rewrites one line on a terminal when there are many files, and erases it at the end", () => {
    const tty = stream(true);
    const progress = progressLine(tty, 120);
    progress.update(37, 120, "t/x.yaml");
    progress.done();
    expect(tty.written).toEqual(["\r\x1b[2Kchecking 37/120 t/x.yaml", "\r\x1b[2K"]);
  });

  it("stays silent for few files or when stderr is not a terminal", () => {
    const few = stream(true);
    const p1 = progressLine(few, PROGRESS_THRESHOLD);
    p1.update(1, PROGRESS_THRESHOLD, "a");
    p1.done();
    const pipe = stream(false);
    const p2 = progressLine(pipe, 500);
    p2.update(1, 500, "a");
    p2.done();
    expect([...few.written, ...pipe.written]).toEqual([]);
  });
});
