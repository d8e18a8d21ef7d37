import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";
import { maySetTimes } from "./times.js";

const bob = makeIdentity(1002, 1002);
const alicesFile = attributes(0o100666, 1001, 1001);

describe("maySetTimes", () => {
  it("needs the owner or root for explicit times", () => {
    expect(maySetTimes(bob, alicesFile, true)).toBe("EPERM");
    expect(maySetTimes(makeIdentity(1001, 5), alicesFile, true)).toBeUndefined();
    expect(maySetTimes(makeIdentity(0, 0), alicesFile, true)).toBeUndefined();
  });
  it("also lets writers set both times to now", () => {
    expect(maySetTimes(bob, alicesFile, false)).toBeUndefined();
    expect(maySetTimes(bob, attributes(0o100644, 1001, 1001), false)).toBe("EACCES");
  });
  it("is EROFS on a read-only mount", () => {
    expect(maySetTimes(makeIdentity(0, 0), alicesFile, false, true)).toBe("EROFS");
  });
});
