/**
 * Vitest configuration: unit tests sit beside the code as `*.test.ts`,
 * cross-cutting suites live under `test/`.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "threads",
    testTimeout: 60_000,
  },
});
