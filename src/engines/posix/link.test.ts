import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";
import { mayLink } from "./link.js";
import { NO_PROTECTIONS } from "./protections.js";

const alice = makeIdentity(1001, 1001);
const bob = makeIdentity(1002, 1002);
const open = attributes(0o040777, 0, 0);

describe("mayLink", () => {
  it("needs write and search permission where the new name goes", () => {
    expect(mayLink(alice, attributes(0o100644, 1001, 1001), open)).toBeUndefined();
    expect(mayLink(alice, attributes(0o100644, 1001, 1001), attributes(0o040755, 0, 0))).toBe(
      "EACCES",
    );
  });
  it("refuses directories with EPERM, after the permission check", () => {
    expect(mayLink(makeIdentity(0, 0), attributes(0o040755, 0, 0), open)).toBe("EPERM");
    expect(mayLink(alice, attributes(0o040755, 0, 0), attributes(0o040755, 0, 0))).toBe("EACCES");
  });
  it("links anyone's file without protected_hardlinks", () => {
    expect(mayLink(bob, attributes(0o100600, 1001, 1001), open, NO_PROTECTIONS)).toBeUndefined();
  });
  it("under protected_hardlinks, needs ownership or read and write access (EPERM before EACCES)", () => {
    const on = { ...NO_PROTECTIONS, hardlinks: true };
    expect(mayLink(bob, attributes(0o100600, 1001, 1001), attributes(0o040755, 0, 0), on)).toBe(
      "EPERM",
    );
    expect(mayLink(bob, attributes(0o100666, 1001, 1001), open, on)).toBeUndefined();
    expect(mayLink(bob, attributes(0o104666, 1001, 1001), open, on)).toBe("EPERM");
    expect(mayLink(bob, attributes(0o102676, 1001, 1001), open, on)).toBe("EPERM");
    expect(mayLink(bob, attributes(0o102666, 1001, 1001), open, on)).toBeUndefined();
    expect(mayLink(alice, attributes(0o100000, 1001, 1001), open, on)).toBeUndefined();
  });
});
