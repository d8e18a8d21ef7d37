import { expect, it } from "vitest";
import { mountedPath, pathText } from "./mount-table.js";

const MOUNTS = ["/mnt/data", "/mnt/logs"];

it("finds the mount a path is on, with the path inside it", () => {
  expect(mountedPath(MOUNTS, "/mnt/data")).toEqual({ mount: "/mnt/data", inner: "/" });
  expect(mountedPath(MOUNTS, "/mnt/data/")).toEqual({ mount: "/mnt/data", inner: "/" });
  expect(mountedPath(MOUNTS, "/mnt/logs/a/b.txt")).toEqual({
    mount: "/mnt/logs",
    inner: "/a/b.txt",
  });
  expect(mountedPath(MOUNTS, Buffer.from("/mnt/data/x"))).toEqual({
    mount: "/mnt/data",
    inner: "/x",
  });
  expect(mountedPath(MOUNTS, new URL("file:///mnt/data/y"))).toEqual({
    mount: "/mnt/data",
    inner: "/y",
  });
});

it("resolves `.` and `..` from the mount point as the kernel reaches them", () => {
  expect(mountedPath(MOUNTS, "/mnt/data/a/../b")).toEqual({ mount: "/mnt/data", inner: "/b" });
  expect(mountedPath(MOUNTS, "/mnt/data/../logs/x")).toEqual({ mount: "/mnt/logs", inner: "/x" });
  expect(mountedPath(MOUNTS, "/mnt/data/..")).toBeUndefined();
});

it("leaves other paths, look-alike prefixes and descriptors to the real fs", () => {
  expect(mountedPath(MOUNTS, "/mnt/database/x")).toBeUndefined();
  expect(mountedPath(MOUNTS, "/tmp/x")).toBeUndefined();
  expect(mountedPath(MOUNTS, 3)).toBeUndefined();
  expect(mountedPath(MOUNTS, "/mnt/data/\u0000x")).toBeUndefined();
  expect(pathText(new URL("https://example.com/x"))).toBeUndefined();
});
