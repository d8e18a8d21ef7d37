import { describe, expect, it } from "vitest";
import { FrameReader } from "./frame-reader.js";

function framed(payload: string): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(Buffer.byteLength(payload));
  return Buffer.concat([head, Buffer.from(payload)]);
}

describe("FrameReader", () => {
  it("answers whole messages however the stream is cut", () => {
    const stream = Buffer.concat([framed("first"), framed(""), framed("a longer third message")]);
    for (const size of [1, 2, 3, 5, 7, stream.length]) {
      const reader = new FrameReader();
      const got: string[] = [];
      for (let at = 0; at < stream.length; at += size)
        got.push(...reader.push(stream.subarray(at, at + size)).map((m) => m.toString()));
      expect({ size, got }).toEqual({ size, got: ["first", "", "a longer third message"] });
    }
  });

  it("waits for the rest of a message", () => {
    const reader = new FrameReader();
    const message = framed("0123456789");
    expect(reader.push(message.subarray(0, 9))).toEqual([]);
    expect(reader.push(message.subarray(9)).map((m) => m.toString())).toEqual(["0123456789"]);
  });
});
