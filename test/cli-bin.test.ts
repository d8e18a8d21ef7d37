/**
 * `npx accesslab …` runs the built `dist/cli/main.js` as the package's bin,
 * so the file must be executable after `npm ci` (whose `prepare` builds
 * it). Skips with a reason when `dist/` has not been built.
 */
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERSION } from "../src/cli/version.js";

const BIN = "dist/cli/main.js";
const built = existsSync(BIN);
if (!built) console.log(`skipping the bin test: ${BIN} is not built (run npm run build)`);

describe.skipIf(!built)("the accesslab bin", () => {
  it("is executable and answers --version through npx", () => {
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
    const out = execFileSync("npx", ["--no-install", "accesslab", "--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    expect(out.trim()).toBe(VERSION);
  });
});
