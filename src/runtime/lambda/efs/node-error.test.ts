import { constants } from "node:os";
import { expect, it } from "vitest";
import { nodeError } from "./node-error.js";

it("builds Node's message, code, negative errno, syscall and path", () => {
  const error = nodeError("EACCES", "open", "/mnt/data/x");
  expect(error.message).toBe("EACCES: permission denied, open '/mnt/data/x'");
  expect(error).toMatchObject({ code: "EACCES", syscall: "open", path: "/mnt/data/x" });
  expect(error.errno).toBe(-(constants.errno.EACCES as number));
  expect(error).toBeInstanceOf(Error);
});

it("names both paths of a two-path call, and none when there is none", () => {
  expect(nodeError("EXDEV", "rename", "/mnt/a", "/tmp/b").message).toBe(
    "EXDEV: cross-device link not permitted, rename '/mnt/a' -> '/tmp/b'",
  );
  expect(nodeError("EBADF", "write").message).toBe("EBADF: bad file descriptor, write");
  expect(nodeError("EROFS", "open", "/mnt/x").message).toBe(
    "EROFS: read-only file system, open '/mnt/x'",
  );
});

it("answers rm on a directory without recursive as Node's ERR_FS_EISDIR", () => {
  expect(nodeError("ERR_FS_EISDIR", "rm", "/mnt/data/d")).toMatchObject({
    code: "ERR_FS_EISDIR",
    message: "Path is a directory: rm returned EISDIR (is a directory) /mnt/data/d",
  });
});
