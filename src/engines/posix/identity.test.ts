import { describe, expect, it } from "vitest";
import { describeErrno, ERRNOS, isErrno } from "./errno.js";
import { inGroup, inGroupOrSuperuser, isSuperuser, makeIdentity } from "./identity.js";

describe("identity", () => {
  it("counts the primary and supplementary groups", () => {
    const who = makeIdentity(1001, 1001, [993]);
    expect(inGroup(who, 1001)).toBe(true);
    expect(inGroup(who, 993)).toBe(true);
    expect(inGroup(who, 1002)).toBe(false);
  });
  it("treats uid 0 as the superuser whatever its groups", () => {
    expect(isSuperuser(makeIdentity(0, 1001))).toBe(true);
    expect(inGroupOrSuperuser(makeIdentity(0, 1001), 5)).toBe(true);
    expect(isSuperuser(makeIdentity(1001, 0))).toBe(false);
  });
});

describe("errno", () => {
  it("names every errno with strerror's message", () => {
    expect(describeErrno("EACCES")).toBe("Permission denied");
    expect(describeErrno("EROFS")).toBe("Read-only file system");
    expect(ERRNOS).toContain("ENOTEMPTY");
    expect(isErrno("ELOOP")).toBe(true);
    expect(isErrno("EAGAIN")).toBe(false);
  });
});
