/**
 * `accesslab serve --demo [FILE]`: loads a demo stack (the bundled
 * `examples/demo/stack.yaml` by default, found relative to the package,
 * not the working directory) into the state before the server listens,
 * once per state, and renders the "demo stack" block printed after the
 * banner. A stack that cannot be read or loaded is a one-line error; the
 * state is then untouched.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { demoBanner } from "../../demo/banner.js";
import { type DemoLoadResult, loadDemoStack } from "../../demo/load.js";
import { DemoLoadError } from "../../demo/load-error.js";
import type { ServiceContext } from "../../services/context.js";
import {
  BOOTSTRAP_ACCESS_KEY_ID,
  BOOTSTRAP_SECRET_ACCESS_KEY,
} from "../../services/sts/bootstrap.js";
import { CliError } from "../cli-error.js";
import { readText } from "../read-inputs.js";

/** The bundled demo stack (same relative place from `src/cli/commands` and `dist/cli/commands`). */
export const BUNDLED_DEMO = fileURLToPath(
  new URL("../../../examples/demo/stack.yaml", import.meta.url),
);

/** A loaded (or already loaded) demo and the file it came from, as shown to the user. */
export interface LoadedDemo {
  readonly result: DemoLoadResult;
  readonly file: string;
}

/**
 * Loads the demo named by the `--demo` option value (`true` for the bundled one).
 *
 * @example
 * const demo = loadDemoOption(env.services, true); // the bundled stack
 */
export function loadDemoOption(services: ServiceContext, option: string | true): LoadedDemo {
  const path = option === true ? BUNDLED_DEMO : option;
  const file = option === true ? displayed(path) : option;
  try {
    return { result: loadDemoStack(services, readText(path), file), file };
  } catch (error) {
    if (error instanceof DemoLoadError) throw new CliError(`demo stack: ${error.message}`);
    throw error;
  }
}

/**
 * The "demo stack" block for a running server.
 *
 * @example
 * process.stdout.write(demoBlock(demo, running.endpoint, services.region, ".accesslab"));
 */
export function demoBlock(
  demo: LoadedDemo,
  endpoint: string,
  region: string,
  stateDir: string | undefined,
): string {
  return demoBanner(demo.result, demo.file, {
    endpoint,
    region,
    root: { accessKeyId: BOOTSTRAP_ACCESS_KEY_ID, secretAccessKey: BOOTSTRAP_SECRET_ACCESS_KEY },
    ...(stateDir === undefined ? {} : { stateDir }),
  });
}

function displayed(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith("..") ? path : near;
}
