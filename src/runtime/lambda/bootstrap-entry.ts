/**
 * Which program an instance's process runs: the compiled bootstrap
 * (`dist/runtime/lambda/bootstrap.js`) when accesslab runs from `dist/`,
 * or the TypeScript source through tsx's loader when it runs from the
 * source tree (tests, `tsx src/cli/main.ts`). The loader is named by its
 * absolute URL because the instance's working directory is the task root,
 * where `tsx` cannot be resolved.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The module to fork and the node options it needs. */
export interface BootstrapEntry {
  readonly modulePath: string;
  readonly execArgv: readonly string[];
}

/**
 * The bootstrap beside this module.
 *
 * @example
 * bootstrapEntry(); // { modulePath: "/…/dist/runtime/lambda/bootstrap.js", execArgv: [] }
 */
export function bootstrapEntry(): BootstrapEntry {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js"))
    return { modulePath: join(dirname(here), "bootstrap.js"), execArgv: [] };
  const loader = createRequire(import.meta.url).resolve("tsx");
  return {
    modulePath: join(dirname(here), "bootstrap.ts"),
    execArgv: ["--import", pathToFileURL(loader).href],
  };
}
