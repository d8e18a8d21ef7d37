import { describe, expect, it } from "vitest";
import { LOG_TAIL_BYTES, logTail } from "./log-tail.js";

describe("logTail", () => {
  it("keeps the last 4 KB, base64-encoded", () => {
    const log = `${"a".repeat(100)}${"b".repeat(LOG_TAIL_BYTES)}`;
    expect(Buffer.from(logTail(log), "base64").toString()).toBe("b".repeat(LOG_TAIL_BYTES));
    expect(Buffer.from(logTail("short"), "base64").toString()).toBe("short");
  });
});
