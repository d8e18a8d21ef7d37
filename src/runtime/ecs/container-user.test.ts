import { describe, expect, it } from "vitest";
import { containerIdentity, resolveUser } from "./container-user.js";

const tables = {
  passwd: [
    { name: "root", id: 0, gid: 0, home: "/root" },
    { name: "appuser", id: 1001, gid: 1002, home: "/home/appuser" },
  ],
  group: [{ name: "staff", id: 50, gid: 50, home: "" }],
};

describe("resolveUser", () => {
  it.each([
    [undefined, { uid: 0, gid: 0, home: "/root" }],
    ["appuser", { uid: 1001, gid: 1002, home: "/home/appuser" }],
    ["appuser:staff", { uid: 1001, gid: 50, home: "/home/appuser" }],
    ["1001", { uid: 1001, gid: 1002, home: "/home/appuser" }],
    ["4242", { uid: 4242, gid: 4242, home: "/" }],
    ["4242:7", { uid: 4242, gid: 7, home: "/" }],
    ["appuser:9", { uid: 1001, gid: 9, home: "/home/appuser" }],
  ])("resolves %s", (user, identity) => {
    expect(resolveUser(user, tables)).toEqual({ ok: true, identity });
  });

  it("refuses unknown names as Docker does", () => {
    expect(resolveUser("nobody-here", tables)).toEqual({
      ok: false,
      reason:
        "CannotStartContainerError: unable to find user nobody-here: no matching entries in passwd file",
    });
    expect(resolveUser("appuser:nogroup", tables)).toMatchObject({ ok: false });
  });

  it("is nominal unless root on Linux", () => {
    expect(containerIdentity("appuser", "darwin", 0)).toEqual({ ok: true, identity: undefined });
    expect(containerIdentity("appuser", "linux", 1000)).toEqual({ ok: true, identity: undefined });
  });
});
