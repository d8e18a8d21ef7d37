import { describe, expect, it } from "vitest";
import { invocationLog } from "./log-lines.js";

const base = {
  requestId: "r-1",
  output: "line\n",
  durationMs: 12.345,
  memorySize: 128,
  rssBytes: 50 * 1024 * 1024 + 1,
  timedOut: false,
  now: new Date(0),
};

describe("invocationLog", () => {
  it("frames the output with START, END and REPORT", () => {
    expect(invocationLog(base)).toBe(
      "START RequestId: r-1 Version: $LATEST\nline\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 51 MB\t\n",
    );
  });

  it("puts init output first and reports its duration on a cold start", () => {
    const log = invocationLog({ ...base, initOutput: "init\n", initMs: 80.5 });
    expect(log.startsWith("init\nSTART RequestId: r-1")).toBe(true);
    expect(log).toContain("\tInit Duration: 80.50 ms\t");
  });

  it("writes the timeout line before END and marks the REPORT", () => {
    const log = invocationLog({ ...base, durationMs: 3004, timedOut: true });
    expect(log).toContain(
      "line\n1970-01-01T00:00:00.000Z r-1 Task timed out after 3.00 seconds\nEND RequestId: r-1\n",
    );
    expect(log).toMatch(/\tStatus: timeout\t\n$/);
  });
});
