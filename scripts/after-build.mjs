/**
 * The steps after `tsc` in `npm run build`: the CLI becomes executable,
 * and the compiled SMB client (`dist/clients/smb`) is placed in the SMB
 * example function's `node_modules` as the package `@accesslab/smb-client`,
 * the way `npm install` would vendor a dependency into a Lambda bundle, so
 * `accesslab deploy examples/smb/template.yaml` ships it with the code.
 */
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

chmodSync("dist/cli/main.js", 0o755);

const target = "examples/smb/function/node_modules/@accesslab/smb-client";
const { version } = JSON.parse(readFileSync("package.json", "utf8"));
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync("dist/clients/smb", target, { recursive: true, filter: (path) => !path.endsWith(".map") });
writeFileSync(
  `${target}/package.json`,
  `${JSON.stringify({ name: "@accesslab/smb-client", version, type: "module", main: "index.js" }, null, 2)}\n`,
);
