import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";
import {
  mayFollowTrailingLink,
  mayLinkSource,
  mayOpenExistingInSticky,
  NO_PROTECTIONS,
} from "./protections.js";

const alice = makeIdentity(1001, 1001);
const bob = makeIdentity(1002, 1002);
const root = makeIdentity(0, 0);
const tmp = attributes(0o041777, 0, 0);
const all = { symlinks: true, hardlinks: true, regular: 2 } as const;

describe("mayFollowTrailingLink", () => {
  const alicesLink = attributes(0o120777, 1001, 1001);
  it("is off without protected_symlinks", () => {
    expect(mayFollowTrailingLink(bob, tmp, alicesLink, NO_PROTECTIONS)).toBeUndefined();
  });
  it("refuses others' links in sticky world-writable directories, root included", () => {
    expect(mayFollowTrailingLink(bob, tmp, alicesLink, all)).toBe("EACCES");
    expect(mayFollowTrailingLink(root, tmp, alicesLink, all)).toBe("EACCES");
    expect(mayFollowTrailingLink(alice, tmp, alicesLink, all)).toBeUndefined();
  });
  it("allows links owned by the directory's owner, and any link elsewhere", () => {
    expect(
      mayFollowTrailingLink(bob, attributes(0o041777, 1001, 0), alicesLink, all),
    ).toBeUndefined();
    expect(mayFollowTrailingLink(bob, attributes(0o041770, 0, 0), alicesLink, all)).toBeUndefined();
    expect(mayFollowTrailingLink(bob, attributes(0o040777, 0, 0), alicesLink, all)).toBeUndefined();
  });
});

describe("mayOpenExistingInSticky", () => {
  const alicesFile = attributes(0o100666, 1001, 1001);
  it("refuses others' files in sticky world-writable directories at level 1, root included", () => {
    const one = { ...NO_PROTECTIONS, regular: 1 } as const;
    expect(mayOpenExistingInSticky(bob, tmp, alicesFile, one)).toBe("EACCES");
    expect(mayOpenExistingInSticky(root, tmp, alicesFile, one)).toBe("EACCES");
    expect(mayOpenExistingInSticky(alice, tmp, alicesFile, one)).toBeUndefined();
    expect(
      mayOpenExistingInSticky(bob, attributes(0o041770, 0, 0), alicesFile, one),
    ).toBeUndefined();
  });
  it("also refuses in sticky group-writable directories at level 2", () => {
    expect(mayOpenExistingInSticky(bob, attributes(0o041770, 0, 0), alicesFile, all)).toBe(
      "EACCES",
    );
  });
  it("refuses others' unfollowed symbolic links in sticky world-writable directories, sysctl or not", () => {
    const link = attributes(0o120777, 1001, 1001);
    expect(mayOpenExistingInSticky(bob, tmp, link, NO_PROTECTIONS)).toBe("EACCES");
    expect(mayOpenExistingInSticky(alice, tmp, link, NO_PROTECTIONS)).toBeUndefined();
    expect(mayOpenExistingInSticky(bob, attributes(0o041770, 0, 0), link, all)).toBeUndefined();
  });
  it("allows files owned by the directory's owner", () => {
    expect(
      mayOpenExistingInSticky(bob, attributes(0o041777, 1001, 0), alicesFile, all),
    ).toBeUndefined();
  });
});

describe("mayLinkSource", () => {
  it("is off without protected_hardlinks, and never binds owners or root", () => {
    expect(mayLinkSource(bob, attributes(0o100000, 1001, 1001), NO_PROTECTIONS)).toBeUndefined();
    expect(mayLinkSource(alice, attributes(0o100000, 1001, 1001), all)).toBeUndefined();
    expect(mayLinkSource(root, attributes(0o040000, 1001, 1001), all)).toBeUndefined();
  });
  it("needs a safe source from others: regular, no set-uid, no g+x set-gid, readable and writable", () => {
    expect(mayLinkSource(bob, attributes(0o100666, 1001, 1001), all)).toBeUndefined();
    expect(mayLinkSource(bob, attributes(0o100644, 1001, 1001), all)).toBe("EPERM");
    expect(mayLinkSource(bob, attributes(0o104666, 1001, 1001), all)).toBe("EPERM");
    expect(mayLinkSource(bob, attributes(0o102676, 1001, 1001), all)).toBe("EPERM");
    expect(mayLinkSource(bob, attributes(0o120777, 1001, 1001), all)).toBe("EPERM");
  });
});
