/**
 * `accesslab credentials ecs|imds`: registers workload credentials in a
 * state directory (the SQLite state `serve` uses, so a server running on it
 * sees them at once) and prints the environment lines a local process
 * needs: `AWS_CONTAINER_CREDENTIALS_FULL_URI` and
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN` (plus the RELATIVE_URI a container
 * would get) for ECS, `AWS_EC2_METADATA_SERVICE_ENDPOINT` for IMDS. A bad
 * or missing role is a one-line error with exit code 2.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { DEFAULT_REGION } from "../../services/context.js";
import { registerContainerCredentials } from "../../services/credentials/container-registrations.js";
import type { CredentialsContext } from "../../services/credentials/context.js";
import { setInstanceProfile } from "../../services/credentials/instance-profile.js";
import { ServiceError } from "../../services/service-error.js";
import { DEFAULT_ACCOUNT } from "../../services/sts/bootstrap.js";
import { openStore } from "../../store/open.js";
import type { Store } from "../../store/port.js";
import { CliError } from "../cli-error.js";

interface CommonOptions {
  readonly role: string;
  readonly state: string;
  readonly endpoint: string;
}

interface EcsOptions extends CommonOptions {
  readonly taskId?: string;
  readonly cluster?: string;
  /** False with `--no-token`: the id alone suffices (a container's RELATIVE_URI). */
  readonly token?: boolean;
}

interface ImdsOptions extends CommonOptions {
  readonly imdsV1?: boolean;
}

/**
 * Registers the `credentials` command group on `program`.
 *
 * @example
 * registerCredentials(new Command()); // adds `credentials ecs` and `credentials imds`
 */
export function registerCredentials(program: Command): void {
  const group = program
    .command("credentials")
    .description("register workload credentials (ECS container, EC2 instance metadata)");
  group
    .command("ecs")
    .description("register an ECS container credentials id for a task role")
    .requiredOption("--role <arn>", "the task role ARN")
    .option("--task-id <id>", "task id (also the role session name)")
    .option("--cluster <name>", "cluster name", "default")
    .option("--no-token", "do not require an Authorization token (RELATIVE_URI use)")
    .option("--state <dir>", "directory of the SQLite state", ".accesslab")
    .option("--endpoint <url>", "the accesslab server's endpoint", "http://127.0.0.1:4566")
    .action((options: EcsOptions) => {
      process.stdout.write(registerEcs(options));
    });
  group
    .command("imds")
    .description("set the role the instance metadata service vends")
    .requiredOption("--role <arn>", "the instance role ARN")
    .option("--imds-v1", "also answer requests without an IMDSv2 token")
    .option("--state <dir>", "directory of the SQLite state", ".accesslab")
    .option("--endpoint <url>", "the accesslab server's endpoint", "http://127.0.0.1:4566")
    .action((options: ImdsOptions) => {
      process.stdout.write(registerImds(options));
    });
}

/**
 * Registers a container credentials id; returns the lines to print.
 *
 * @example
 * registerEcs({ role: "arn:aws:iam::000000000000:role/task", state: ".accesslab", endpoint: "http://127.0.0.1:4566" });
 * // "export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4566/v2/credentials/…\n…"
 */
export function registerEcs(options: EcsOptions): string {
  const endpoint = checkEndpoint(options.endpoint);
  const r = withState(options.state, (ctx) =>
    registerContainerCredentials(ctx, {
      roleArn: options.role,
      ...(options.taskId !== undefined ? { taskId: options.taskId } : {}),
      ...(options.cluster !== undefined ? { cluster: options.cluster } : {}),
      requireToken: options.token !== false,
    }),
  );
  const relative = `/v2/credentials/${r.id}`;
  return [
    `registered container credentials for ${r.roleArn} (task ${r.taskArn})`,
    "",
    `export AWS_CONTAINER_CREDENTIALS_FULL_URI=${endpoint}${relative}`,
    ...(r.authorizationToken !== undefined
      ? [`export AWS_CONTAINER_AUTHORIZATION_TOKEN=${r.authorizationToken}`]
      : []),
    `# inside a container (169.254.170.2): AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=${relative}`,
    "",
  ].join("\n");
}

/**
 * Sets the instance profile; returns the lines to print.
 *
 * @example
 * registerImds({ role: "arn:aws:iam::000000000000:role/web", state: ".accesslab", endpoint: "http://127.0.0.1:4566" });
 * // "…\nexport AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:4566\n"
 */
export function registerImds(options: ImdsOptions): string {
  const endpoint = checkEndpoint(options.endpoint);
  const profile = withState(options.state, (ctx) =>
    setInstanceProfile(ctx, { roleArn: options.role, imdsV1Allowed: options.imdsV1 === true }),
  );
  return [
    `instance ${profile.instanceId} now vends credentials of ${profile.roleArn} (IMDSv1 ${profile.imdsV1Allowed ? "allowed" : "disabled"})`,
    "",
    `export AWS_EC2_METADATA_SERVICE_ENDPOINT=${endpoint}`,
    "",
  ].join("\n");
}

function checkEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(
      `invalid --endpoint \`${raw}\`: expected a URL such as http://127.0.0.1:4566`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new CliError(`invalid --endpoint \`${raw}\`: expected http or https`);
  return url.origin;
}

function withState<T>(state: string, work: (ctx: CredentialsContext) => T): T {
  const store = openState(state);
  try {
    return work(contextOver(store));
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

function openState(state: string): Store {
  const path = join(state, "state.db");
  try {
    mkdirSync(state, { recursive: true });
    return openStore({ kind: "sqlite", path });
  } catch (error) {
    throw new CliError(`cannot open state \`${path}\`: ${(error as Error).message}`);
  }
}

function contextOver(store: Store): CredentialsContext {
  return {
    store,
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: DEFAULT_ACCOUNT,
    region: DEFAULT_REGION,
  };
}
