import { expect, it } from "vitest";
import { realMountSupport } from "./availability.js";

it("says why there is no real mount off Linux or without root", () => {
  expect(realMountSupport("darwin", 0)).toEqual({ ok: false, reason: "not on Linux" });
  expect(realMountSupport("linux", 1000)).toEqual({
    ok: false,
    reason: "accesslab does not run as root",
  });
});

it("finds the launcher's programs by absolute path when it is available", () => {
  const support = realMountSupport();
  if (!support.ok) return;
  for (const path of Object.values(support.tools)) expect(path).toMatch(/^\//);
});
