#!/usr/bin/env node
/**
 * The `accesslab` command line: one program, one subcommand per file under
 * `commands/`. Errors are printed as one line with an exit code; no stack
 * traces reach the terminal.
 */
import { Command, CommanderError } from "commander";
import { reportError } from "./cli-error.js";
import { registerCheck } from "./commands/check.js";
import { registerCredentials } from "./commands/credentials.js";
import { registerDeploy } from "./commands/deploy.js";
import { registerEvents } from "./commands/events.js";
import { registerFsx } from "./commands/fsx.js";
import { registerInvoke } from "./commands/invoke.js";
import { registerLab } from "./commands/lab.js";
import { registerRunTask } from "./commands/run-task.js";
import { registerServe } from "./commands/serve.js";
import { registerSimulate } from "./commands/simulate.js";
import { registerValidatePolicy } from "./commands/validate-policy.js";
import { VERSION } from "./version.js";

const program = new Command()
  .name("accesslab")
  .description("a local, faithful emulator of AWS access decisions for serverless workloads")
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride();

registerSimulate(program);
registerLab(program);
registerValidatePolicy(program);
registerServe(program);
registerEvents(program);
registerCredentials(program);
registerCheck(program);
registerDeploy(program);
registerInvoke(program);
registerRunTask(program);
registerFsx(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    reportError(error);
  }
}
