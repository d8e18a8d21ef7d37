import { afterEach, describe, expect, it } from "vitest";
import { logLine, patchConsole } from "./console-format.js";

describe("logLine", () => {
  it("writes time, request id, level and the formatted message", () => {
    expect(logLine(new Date(0), "r-1", "INFO", ["hi %s", "there", { a: 1 }])).toBe(
      "1970-01-01T00:00:00.000Z\tr-1\tINFO\thi there { a: 1 }\n",
    );
  });

  it("keeps one call on one line and says `undefined` outside an invocation", () => {
    expect(logLine(new Date(0), undefined, "ERROR", ["a\nb"])).toBe(
      "1970-01-01T00:00:00.000Z\tundefined\tERROR\ta\rb\n",
    );
  });
});

describe("patchConsole", () => {
  const saved = { ...console };
  afterEach(() => Object.assign(console, saved));

  it("routes each console method to its level", () => {
    const lines: string[] = [];
    patchConsole(
      () => "r-2",
      (line) => lines.push(line),
    );
    console.log("l");
    console.warn("w");
    console.error("e");
    console.debug("d");
    Object.assign(console, saved);
    expect(lines.map((line) => line.split("\t").slice(1).join("\t"))).toEqual([
      "r-2\tINFO\tl\n",
      "r-2\tWARN\tw\n",
      "r-2\tERROR\te\n",
      "r-2\tDEBUG\td\n",
    ]);
  });
});
