import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { decideChmod } from "./chmod.js";
import { makeIdentity } from "./identity.js";

const alice = makeIdentity(1001, 1001, [993]);

describe("decideChmod", () => {
  it("lets the owner set all twelve bits and keeps the type", () => {
    expect(decideChmod(alice, attributes(0o100644, 1001, 1001), 0o7755)).toEqual({
      ok: true,
      mode: 0o107755,
    });
  });
  it("refuses anyone but the owner or root with EPERM, whatever the mode bits say", () => {
    expect(decideChmod(alice, attributes(0o100777, 1002, 1001), 0o600)).toEqual({
      ok: false,
      errno: "EPERM",
    });
    expect(decideChmod(makeIdentity(0, 0), attributes(0o100000, 1002, 1002), 0o2755)).toEqual({
      ok: true,
      mode: 0o102755,
    });
  });
  it("drops S_ISGID when the owner is not in the file's group", () => {
    expect(decideChmod(alice, attributes(0o040755, 1001, 4242), 0o2775)).toEqual({
      ok: true,
      mode: 0o040775,
    });
    expect(decideChmod(alice, attributes(0o040755, 1001, 993), 0o2775)).toEqual({
      ok: true,
      mode: 0o042775,
    });
  });
  it("is EROFS on a read-only mount", () => {
    expect(decideChmod(alice, attributes(0o100644, 1001, 1001), 0o600, true)).toEqual({
      ok: false,
      errno: "EROFS",
    });
  });
});
