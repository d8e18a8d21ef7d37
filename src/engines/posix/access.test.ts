import { describe, expect, it } from "vitest";
import {
  checkPermission,
  decidePermission,
  MAY_EXEC,
  MAY_READ,
  MAY_WRITE,
  permissionClass,
} from "./access.js";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";

const alice = makeIdentity(1001, 1001, [993]);
const root = makeIdentity(0, 0);

describe("permissionClass", () => {
  it("picks owner, then group (primary or supplementary), then other", () => {
    expect(permissionClass(alice, attributes(0o100000, 1001, 5))).toBe("owner");
    expect(permissionClass(alice, attributes(0o100000, 5, 1001))).toBe("group");
    expect(permissionClass(alice, attributes(0o100000, 5, 993))).toBe("group");
    expect(permissionClass(alice, attributes(0o100000, 5, 5))).toBe("other");
  });
});

describe("checkPermission", () => {
  it("lets the first matching class decide even when a later one grants more", () => {
    expect(checkPermission(alice, attributes(0o100077, 1001, 1001), MAY_READ)).toBe("EACCES");
    expect(checkPermission(alice, attributes(0o100407, 5, 993), MAY_READ)).toBe("EACCES");
    expect(checkPermission(alice, attributes(0o100004, 5, 5), MAY_READ)).toBeUndefined();
  });
  it("needs every bit of the mask from that class", () => {
    const file = attributes(0o100600, 1001, 1001);
    expect(checkPermission(alice, file, MAY_READ | MAY_WRITE)).toBeUndefined();
    expect(checkPermission(alice, file, MAY_READ | MAY_EXEC)).toBe("EACCES");
  });
  it("grants supplementary-group members the group bits", () => {
    expect(checkPermission(alice, attributes(0o100060, 0, 993), MAY_WRITE)).toBeUndefined();
  });
  it("lets the superuser read and write anything", () => {
    expect(
      checkPermission(root, attributes(0o100000, 1001, 1001), MAY_READ | MAY_WRITE),
    ).toBeUndefined();
  });
  it("lets the superuser search any directory", () => {
    expect(checkPermission(root, attributes(0o040000, 1001, 1001), MAY_EXEC)).toBeUndefined();
  });
  it("requires one x bit somewhere for the superuser to execute a file", () => {
    expect(checkPermission(root, attributes(0o100666, 1001, 1001), MAY_EXEC)).toBe("EACCES");
    expect(checkPermission(root, attributes(0o100001, 1001, 1001), MAY_EXEC)).toBeUndefined();
  });
  it("answers EROFS for write on a read-only mount, before anything else", () => {
    expect(checkPermission(root, attributes(0o100666, 0, 0), MAY_WRITE, true)).toBe("EROFS");
    expect(checkPermission(alice, attributes(0o100000, 5, 5), MAY_WRITE, true)).toBe("EROFS");
    expect(checkPermission(alice, attributes(0o100444, 5, 5), MAY_READ, true)).toBeUndefined();
  });
});

describe("decidePermission", () => {
  it("reports the class, its bits and a superuser override", () => {
    const d = decidePermission(root, attributes(0o100640, 1001, 1001), MAY_WRITE);
    expect(d).toEqual({
      errno: undefined,
      permissionClass: "other",
      classBits: 0,
      bySuperuser: true,
    });
    const e = decidePermission(alice, attributes(0o100640, 5, 993), MAY_READ);
    expect(e).toEqual({
      errno: undefined,
      permissionClass: "group",
      classBits: 4,
      bySuperuser: false,
    });
  });
});
