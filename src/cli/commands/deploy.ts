/**
 * `accesslab deploy TEMPLATE`: creates a CloudFormation stack from a
 * template (YAML or JSON) in a running `accesslab serve` (`--endpoint`,
 * default http://127.0.0.1:4566), or updates it when it exists there, or
 * creates it in a fresh in-memory emulator (`--in-memory`), through a
 * service role with `--role-arn`, printing the stack events as they come.
 * The template is read here first, so a template that cannot be read is
 * reported with its `file:line:col` before anything is sent.
 * A SAM function whose `CodeUri` is a local directory gets that directory,
 * zipped, once the stack is in place (`deploy-code.ts`). Exit codes:
 * 0 CREATE_COMPLETE, UPDATE_COMPLETE or nothing to change, 1 a rollback
 * (the failed resource and its reason printed), 2 unusable input or a
 * refused request.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Command } from "commander";
import { readTemplateBody } from "../../services/cloudformation/template-body.js";
import { ServiceError } from "../../services/service-error.js";
import { CliError, EXIT_BAD_INPUT } from "../cli-error.js";
import { localCodeFunctions, uploadLocalCode } from "./deploy-code.js";
import { type DeployEvent, eventLine, failureSummary, finalStatus } from "./deploy-events.js";
import { deployInMemory } from "./deploy-local.js";
import { deployRemote, stackOutputs } from "./deploy-remote.js";
import { collectValues, parseParameters } from "./parameter-option.js";

/** Where `--endpoint` points by default (the port `serve` listens on). */
export const DEFAULT_ENDPOINT = "http://127.0.0.1:4566";

interface DeployOptions {
  readonly roleArn?: string;
  readonly stackName?: string;
  readonly parameter: string[];
  readonly endpoint?: string;
  readonly inMemory?: boolean;
}

const HELP = `
Examples:
  accesslab deploy stack.yaml                                  into the server at ${DEFAULT_ENDPOINT}
  accesslab deploy stack.yaml --in-memory                      into a throwaway emulator (CI)
  accesslab deploy stack.yaml --role-arn arn:aws:iam::000000000000:role/deploy --parameter Env=prod
`;

/**
 * Registers the `deploy` command on `program`.
 *
 * @example
 * registerDeploy(new Command()); // then `accesslab deploy stack.yaml --in-memory`
 */
export function registerDeploy(program: Command): void {
  program
    .command("deploy")
    .description(
      "create or update a CloudFormation stack in the emulator, with rollback and stack events",
    )
    .argument("<template>", "CloudFormation template (YAML or JSON)")
    .option("--role-arn <arn>", "service role CloudFormation assumes to create the resources")
    .option("--stack-name <name>", "stack name (default: from the file name)")
    .option("--parameter <key=value>", "template parameter (repeatable)", collectValues, [])
    .option("--endpoint <url>", `server to deploy into (default ${DEFAULT_ENDPOINT})`)
    .option("--in-memory", "deploy into a fresh in-memory emulator in this process")
    .addHelpText("after", HELP)
    .action(async (template: string, options: DeployOptions) => {
      process.exitCode = await deploy(template, options);
    });
}

/**
 * Deploys and answers the exit code.
 *
 * @example
 * await deploy("stack.yaml", { parameter: [], inMemory: true }); // 0
 */
export async function deploy(file: string, options: DeployOptions): Promise<number> {
  if (options.inMemory && options.endpoint !== undefined)
    throw new CliError("use either `--endpoint` or `--in-memory`, not both");
  const parameters = parseParameters(options.parameter);
  const stackName = options.stackName ?? stackNameOf(file);
  const text = await readText(file);
  const template = readTemplateBody(text, file, { parameters, stackName });
  const problem = template.diagnostics.find((d) => d.severity === "error");
  if (problem) {
    const where = problem.position ? `:${problem.position.line}:${problem.position.column}` : "";
    throw new CliError(`${problem.file}${where}: ${problem.message}`);
  }
  const print = (e: DeployEvent) => process.stdout.write(`${eventLine(e)}\n`);
  const roleArn = options.roleArn === undefined ? {} : { roleArn: options.roleArn };
  let events: DeployEvent[];
  if (options.inMemory) {
    try {
      events = deployInMemory({ stackName, template, parameters, ...roleArn });
    } catch (error) {
      if (error instanceof ServiceError)
        throw new CliError(`CreateStack refused: ${error.code}: ${error.message}`);
      throw error;
    }
    events.forEach(print);
  } else {
    const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
    const outcome = await deployRemote(
      { endpoint, stackName, templateBody: text, parameters, ...roleArn },
      print,
    );
    const upload = () =>
      uploadLocalCode(endpoint, stackName, file, localCodeFunctions(template), (line) =>
        process.stdout.write(`${line}\n`),
      );
    if (outcome.kind === "unchanged") {
      await upload();
      process.stdout.write(`stack \`${stackName}\` is up to date: nothing to change\n`);
      return 0;
    }
    events = outcome.events;
    const reached = finalStatus(events, stackName);
    if (reached === "CREATE_COMPLETE" || reached === "UPDATE_COMPLETE") await upload();
  }
  const status = finalStatus(events, stackName);
  if (status === "CREATE_COMPLETE" || status === "UPDATE_COMPLETE") {
    process.stdout.write(
      `stack \`${stackName}\` ${status === "CREATE_COMPLETE" ? "created" : "updated"}\n`,
    );
    if (!options.inMemory) await printOutputs(options.endpoint ?? DEFAULT_ENDPOINT, stackName);
    return 0;
  }
  process.stdout.write(`${failureSummary(events, stackName)}\n`);
  return 1;
}

/** The stack's outputs, one `key: value` line each, as `sam deploy` lists them. */
async function printOutputs(endpoint: string, stackName: string): Promise<void> {
  const outputs = await stackOutputs(endpoint, stackName);
  if (outputs.length === 0) return;
  process.stdout.write("outputs:\n");
  for (const { key, value } of outputs) process.stdout.write(`  ${key}: ${value}\n`);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read \`${file}\`: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable")}`,
      EXIT_BAD_INPUT,
    );
  }
}

/**
 * A stack name from a file name: its base name without extension, made a
 * valid stack name (letters, digits, hyphens, starting with a letter).
 *
 * @example
 * stackNameOf("templates/my_app.yaml"); // "my-app"
 */
export function stackNameOf(file: string): string {
  const base = basename(file, extname(file))
    .replace(/[^-a-zA-Z0-9]+/g, "-")
    .replace(/^[^a-zA-Z]+/, "");
  return (base || "stack").slice(0, 128);
}
