/**
 * The "demo stack" block `accesslab serve --demo` prints after its banner:
 * whether the stack was loaded now or by an earlier start, the fixed
 * developer key, the secret and the VPC endpoint to reach it through
 * (`<endpoint>/_vpce/<id>`), the ECS container credentials lines, and a
 * few AWS CLI commands to try, and, when the demo has a CloudFormation
 * service role and exports, the `accesslab deploy` of the `app.yaml` next
 * to the stack file. The commands pass `--endpoint-url` (the Debian AWS
 * CLI 2.9 ignores `AWS_ENDPOINT_URL`) and `--region`.
 */
import type { DemoLoadResult } from "./load.js";
import type { DemoSummary } from "./summary.js";

const CLOUDFORMATION = "cloudformation.amazonaws.com";

/** How the server was started, as the block needs it. */
export interface BannerSettings {
  /** The server's endpoint, e.g. `http://127.0.0.1:4566`. */
  readonly endpoint: string;
  readonly region: string;
  /** The bootstrap root key pair. */
  readonly root: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The state directory; absent for an in-memory state (no `accesslab events`). */
  readonly stateDir?: string;
}

/**
 * The block's lines, ending with a newline.
 *
 * @example
 * process.stdout.write(demoBanner(result, "examples/demo/stack.yaml", settings));
 */
export function demoBanner(result: DemoLoadResult, file: string, settings: BannerSettings): string {
  const { summary } = result;
  const { endpoint } = settings;
  const when = new Date(summary.loadedAt).toISOString();
  const lines = [
    result.status === "loaded"
      ? `demo stack: loaded ${file}`
      : `demo stack: already loaded (${when}); what you changed since is kept`,
  ];
  const developer = summary.users.find((u) => u.accessKeyId !== undefined);
  if (developer)
    lines.push(
      `  user ${developer.name}: access key ${developer.accessKeyId}, secret ${developer.secretAccessKey}`,
    );
  if (summary.fileSystemId !== undefined)
    lines.push(
      `  file system: ${summary.fileSystemId}${summary.accessPoints.length > 0 ? ` (access points ${summary.accessPoints.map((a) => `${a.name} ${a.id}`).join(", ")})` : ""}`,
    );
  const secret = summary.secrets[0];
  if (secret) lines.push(`  secret: ${secret.name}`);
  const vpce =
    summary.endpoints.find((e) => e.service === "secretsmanager") ?? summary.endpoints[0];
  if (vpce)
    lines.push(
      `  vpc endpoint ${vpce.name} (${vpce.service}): ${vpce.id}, reach it as ${endpoint}/_vpce/${vpce.id}`,
    );
  for (const c of summary.containerCredentials) {
    lines.push(`  ECS container credentials for ${c.roleArn}:`);
    lines.push(`    export AWS_CONTAINER_CREDENTIALS_FULL_URI=${endpoint}/v2/credentials/${c.id}`);
    if (c.authorizationToken !== undefined)
      lines.push(`    export AWS_CONTAINER_AUTHORIZATION_TOKEN=${c.authorizationToken}`);
  }
  return `${[...lines, ...tries(summary, file, settings), ""].join("\n")}\n`;
}

function tries(summary: DemoSummary, file: string, settings: BannerSettings): string[] {
  const { endpoint, region, root } = settings;
  const as = (id: string, secret: string) =>
    `AWS_ACCESS_KEY_ID=${id} AWS_SECRET_ACCESS_KEY=${secret} aws --region ${region}`;
  const asRoot = as(root.accessKeyId, root.secretAccessKey);
  const out = ["", "try:"];
  const add = (command: string, why: string) => out.push(`  ${command}`, `      # ${why}`);
  if (summary.fileSystemId !== undefined) {
    add(
      `${asRoot} --endpoint-url ${endpoint} efs describe-access-points`,
      "allowed: the account root",
    );
    const developer = summary.users.find((u) => u.accessKeyId !== undefined);
    if (developer?.accessKeyId !== undefined && developer.secretAccessKey !== undefined)
      add(
        `${as(developer.accessKeyId, developer.secretAccessKey)} --endpoint-url ${endpoint} efs describe-access-points`,
        `refused: AccessDeniedException, no identity-based policy of ${developer.name} allows elasticfilesystem:DescribeAccessPoints`,
      );
  }
  const secret = summary.secrets[0];
  const vpce = summary.endpoints.find((e) => e.service === "secretsmanager");
  if (secret) {
    const get = `secretsmanager get-secret-value --secret-id ${secret.name}`;
    add(
      `${asRoot} --endpoint-url ${endpoint} ${get}`,
      vpce
        ? "refused: an explicit deny in a resource-based policy (the call did not come through the endpoint)"
        : "the secret's value",
    );
    if (vpce)
      add(
        `${asRoot} --endpoint-url ${endpoint}/_vpce/${vpce.id} ${get}`,
        `allowed: through ${vpce.id}`,
      );
  }
  for (const app of summary.appStacks ?? []) {
    const fn = app.outputs.FunctionName;
    if (fn !== undefined)
      add(
        `${asRoot} --endpoint-url ${endpoint} lambda invoke --function-name ${fn} out.json && cat out.json`,
        `runs ${fn} (stack ${app.name}): it writes through its EFS access point and reads the secret through the endpoint`,
      );
  }
  const deployer = summary.roles.find((r) => r.trustedService === CLOUDFORMATION);
  if (deployer && summary.stack) {
    const app = file.replace(/[^/\\]*$/, "app.yaml");
    add(
      `npx accesslab deploy ${app} --role-arn ${deployer.arn} --endpoint ${endpoint}`,
      `through the ${deployer.name} service role: a function that mounts /app, ids from the ${summary.stack.name} exports`,
    );
  }
  if (settings.stateDir !== undefined) {
    const state = settings.stateDir === ".accesslab" ? "" : ` --state ${settings.stateDir}`;
    add(`npx accesslab events${state}`, "why each call above was allowed or refused");
  }
  return out;
}
