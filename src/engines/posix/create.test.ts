import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { mayCreate, newEntryAttributes } from "./create.js";
import { makeIdentity } from "./identity.js";

const alice = makeIdentity(1001, 1001, [993]);
const bob = makeIdentity(1002, 1002);

describe("mayCreate", () => {
  it("needs write and search permission on the parent", () => {
    expect(mayCreate(alice, attributes(0o040755, 1001, 1001))).toBeUndefined();
    expect(mayCreate(alice, attributes(0o040755, 0, 0))).toBe("EACCES");
    expect(mayCreate(alice, attributes(0o040666, 1001, 1001))).toBe("EACCES");
    expect(mayCreate(alice, attributes(0o040330, 0, 993))).toBeUndefined();
  });
  it("is EROFS on a read-only mount", () => {
    expect(mayCreate(alice, attributes(0o040777, 0, 0), true)).toBe("EROFS");
  });
});

describe("newEntryAttributes", () => {
  const request = { identity: alice, requestedMode: 0o777, umask: 0o022 };
  it("gives the creator's uid and primary gid, with the umask applied", () => {
    const parent = attributes(0o040777, 0, 0);
    expect(newEntryAttributes({ ...request, parent, type: "file", requestedMode: 0o666 })).toEqual({
      uid: 1001,
      gid: 1001,
      mode: 0o100644,
    });
    expect(newEntryAttributes({ ...request, parent, type: "directory" })).toEqual({
      uid: 1001,
      gid: 1001,
      mode: 0o040755,
    });
  });
  it("takes the parent's group in a set-group-id directory, and subdirectories inherit S_ISGID", () => {
    const parent = attributes(0o042777, 0, 4242);
    expect(newEntryAttributes({ ...request, parent, type: "file", requestedMode: 0o644 }).gid).toBe(
      4242,
    );
    expect(newEntryAttributes({ ...request, parent, type: "directory" })).toEqual({
      uid: 1001,
      gid: 4242,
      mode: 0o042755,
    });
  });
  it("keeps only rwx and the sticky bit of mkdir's mode", () => {
    const parent = attributes(0o040777, 0, 0);
    const dir = newEntryAttributes({
      ...request,
      parent,
      type: "directory",
      requestedMode: 0o7777,
      umask: 0,
    });
    expect(dir.mode).toBe(0o041777);
  });
  it("keeps a file's set-id bits, but drops S_ISGID+g+x in a setgid directory of a foreign group", () => {
    const plain = attributes(0o040777, 0, 0);
    const file = (parent = plain, who = alice) =>
      newEntryAttributes({ identity: who, parent, type: "file", requestedMode: 0o6755, umask: 0 })
        .mode;
    expect(file()).toBe(0o106755);
    expect(file(attributes(0o042777, 0, 4242))).toBe(0o104755);
    expect(file(attributes(0o042777, 0, 993))).toBe(0o106755);
    expect(file(attributes(0o042777, 0, 4242), makeIdentity(0, 0))).toBe(0o106755);
  });
  it("makes symbolic links 0777 whatever the umask", () => {
    const parent = attributes(0o042777, 0, 4242);
    expect(
      newEntryAttributes({
        identity: bob,
        parent,
        type: "symlink",
        requestedMode: 0,
        umask: 0o777,
      }),
    ).toEqual({
      uid: 1002,
      gid: 4242,
      mode: 0o120777,
    });
  });
});
