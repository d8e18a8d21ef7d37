import { constants } from "node:fs";
import { expect, it } from "vitest";
import { parseFlags } from "./open-flags.js";

it("reads Node's string flags", () => {
  expect(parseFlags()).toMatchObject({ readable: true, writable: false, append: false });
  expect(parseFlags("wx+")).toEqual({
    flags: { read: true, write: true, create: true, truncate: true, exclusive: true },
    readable: true,
    writable: true,
    append: false,
  });
  expect(parseFlags("a")).toMatchObject({ readable: false, writable: true, append: true });
});

it("reads O_* bits", () => {
  const parsed = parseFlags(constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
  expect(parsed.flags).toMatchObject({ read: false, write: true, create: true, exclusive: true });
  expect(parseFlags(constants.O_RDWR | constants.O_APPEND)).toMatchObject({
    readable: true,
    writable: true,
    append: true,
  });
});

it("refuses flags Node refuses", () => {
  expect(() => parseFlags("rw")).toThrow(
    expect.objectContaining({ code: "ERR_INVALID_ARG_VALUE" }),
  );
});
