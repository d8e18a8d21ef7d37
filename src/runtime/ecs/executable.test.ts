import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { executableProblem } from "./executable.js";
import { enterCommand } from "./netns/enter-command.js";

const dir = mkdtempSync(join(tmpdir(), "accesslab-exec-"));
writeFileSync(join(dir, "runnable"), "#!/bin/sh\n", { mode: 0o755 });
writeFileSync(join(dir, "plain"), "text\n");
chmodSync(join(dir, "plain"), 0o644);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("executableProblem", () => {
  it("finds programs in PATH and paths relative to the working directory", () => {
    expect(executableProblem("runnable", `/nowhere:${dir}`, "/")).toBeUndefined();
    expect(executableProblem("./runnable", "", dir)).toBeUndefined();
    expect(executableProblem("sh", "/usr/bin:/bin", "/")).toBeUndefined();
  });

  it("reports a missing or non-executable program with the direct spawn's reasons", () => {
    expect(executableProblem("no-such-program-here", `/usr/bin:${dir}`, "/")).toBe(
      'CannotStartContainerError: exec: "no-such-program-here": executable file not found in $PATH',
    );
    expect(executableProblem("plain", dir, "/")).toBe(
      'CannotStartContainerError: exec: "plain": permission denied',
    );
    // a directory of the same name is not a program
    expect(executableProblem("tmp", "/", "/")).toMatch(/not found in \$PATH$/);
  });
});

describe("enterCommand", () => {
  it("joins the namespace, then drops to the container's gid and uid, then execs the vector", () => {
    expect(
      enterCommand("/usr/bin/nsenter", "/proc/7/ns/net", { uid: 1001, gid: 20 }, ["id"]),
    ).toEqual([
      "/usr/bin/nsenter",
      "--net=/proc/7/ns/net",
      "--setgid=20",
      "--setuid=1001",
      "--",
      "id",
    ]);
  });
});
