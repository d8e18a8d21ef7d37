import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";
import { modeAfterWrite, shouldDropSetgid } from "./privileges.js";

const alice = makeIdentity(1001, 1001);

describe("modeAfterWrite", () => {
  it("clears set-user-id when anyone but root writes", () => {
    expect(modeAfterWrite(alice, attributes(0o104755, 1001, 1001))).toBe(0o100755);
    expect(modeAfterWrite(makeIdentity(0, 0), attributes(0o104755, 1001, 1001))).toBe(0o104755);
  });
  it("clears a real set-group-id (group execute), keeps a locking mark for group members", () => {
    expect(modeAfterWrite(alice, attributes(0o102755, 1001, 1001))).toBe(0o100755);
    expect(modeAfterWrite(alice, attributes(0o102644, 1001, 1001))).toBe(0o102644);
    expect(modeAfterWrite(alice, attributes(0o102644, 1001, 4242))).toBe(0o100644);
  });
  it("leaves other bits and non-regular files alone", () => {
    expect(modeAfterWrite(alice, attributes(0o101777, 1001, 1001))).toBe(0o101777);
    expect(modeAfterWrite(alice, attributes(0o046755, 1001, 1001))).toBe(0o046755);
  });
});

describe("shouldDropSetgid", () => {
  it("follows Linux's setattr_should_drop_sgid", () => {
    expect(shouldDropSetgid(alice, attributes(0o100755, 1001, 1001))).toBe(false);
    expect(shouldDropSetgid(makeIdentity(0, 0), attributes(0o102755, 5, 5))).toBe(true);
    expect(shouldDropSetgid(makeIdentity(0, 0), attributes(0o102745, 5, 5))).toBe(false);
    expect(shouldDropSetgid(alice, attributes(0o102745, 5, 5))).toBe(true);
  });
});
