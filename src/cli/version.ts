/**
 * The program's version, read from package.json at startup so it is
 * written in one place only.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** accesslab's version (from package.json). */
export const VERSION: string = (require("../../package.json") as { version: string }).version;
