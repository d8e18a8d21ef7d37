import { describe, expect, it } from "vitest";
import { instanceIdentity } from "./identity.js";

describe("instanceIdentity", () => {
  it("switches to the sandbox user only as root on Linux", () => {
    expect(instanceIdentity("linux", 0)).toEqual({ uid: 993, gid: 990 });
    expect(instanceIdentity("linux", 1000)).toBeUndefined();
    expect(instanceIdentity("darwin", 0)).toBeUndefined();
    expect(instanceIdentity("win32", undefined)).toBeUndefined();
  });
});
