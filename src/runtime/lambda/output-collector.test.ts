import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { outputSentinel } from "./messages.js";
import { collectOutput } from "./output-collector.js";

describe("collectOutput", () => {
  it("cuts the stream at each sentinel, even when one arrives in pieces", async () => {
    const stream = new PassThrough();
    const out = collectOutput(stream);
    const first = out.until("init");
    const sentinel = outputSentinel("init");
    stream.write(`loading\n${sentinel.slice(0, 5)}`);
    stream.write(`${sentinel.slice(5)}hello\n`);
    expect(await first).toBe("loading\n");
    stream.write(`world\n${outputSentinel("r-1")}`);
    expect(await out.until("r-1")).toBe("hello\nworld\n");
  });

  it("gives waiters what is left when the stream closes without a sentinel", async () => {
    const stream = new PassThrough();
    const out = collectOutput(stream);
    const waiting = out.until("r-2");
    stream.end("partial");
    expect(await waiting).toBe("partial");
  });
});
