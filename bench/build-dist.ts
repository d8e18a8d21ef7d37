/**
 * Compiling `dist/` before a suite that runs the built CLI (`check`,
 * `invoke`), so a benchmark never measures stale code. A compiler error is
 * said in one line and sets exit code 1; the suite then stops.
 */
import { execFileSync } from "node:child_process";

/**
 * Runs the TypeScript build; answers whether `dist/` is current.
 *
 * @example
 * if (!buildDist()) return;
 */
export function buildDist(): boolean {
  console.log("building dist/ …");
  try {
    execFileSync(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
      { stdio: "inherit" },
    );
    return true;
  } catch {
    console.error(
      "dist/ could not be built (see the compiler's errors above): fix them, then run the benchmark again",
    );
    process.exitCode = 1;
    return false;
  }
}
