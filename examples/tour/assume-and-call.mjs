// The quick tour, part 2: an AWS SDK for JavaScript v3 script. The
// developer from part 1 assumes the role, and the role's session makes four
// calls; each prints what AWS would answer. It exits 1 if any answer is not
// the one AWS gives, so it doubles as a check. Reads the TOUR_* variables
// that `examples/tour/setup.sh` prints.
import {
  DescribeAccessPointsCommand,
  DescribeFileSystemsCommand,
  EFSClient,
} from "@aws-sdk/client-efs";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`missing ${name}: run \`eval "$(examples/tour/setup.sh)"\` first`);
    process.exit(2);
  }
  return value;
};
const endpoint = env("TOUR_ENDPOINT");
const region = "us-east-1";
const developer = { accessKeyId: env("TOUR_KEY_ID"), secretAccessKey: env("TOUR_KEY_SECRET") };

const sts = new STSClient({ endpoint, region, credentials: developer });
const { Credentials } = await sts.send(
  new AssumeRoleCommand({ RoleArn: env("TOUR_ROLE_ARN"), RoleSessionName: "tour" }),
);
const session = {
  accessKeyId: Credentials.AccessKeyId,
  secretAccessKey: Credentials.SecretAccessKey,
  sessionToken: Credentials.SessionToken,
};
const who = await new STSClient({ endpoint, region, credentials: session }).send(
  new GetCallerIdentityCommand({}),
);
console.log(`acting as ${who.Arn}`);

const efs = new EFSClient({ endpoint, region, credentials: session });
const secrets = new SecretsManagerClient({ endpoint, region, credentials: session });
const throughEndpoint = new SecretsManagerClient({
  endpoint: `${endpoint}/_vpce/${env("TOUR_VPCE_ID")}`,
  region,
  credentials: session,
});

let surprises = 0;
async function expect(label, outcome, call) {
  try {
    const detail = await call();
    console.log(
      `${outcome === "allowed" ? "allowed" : "ALLOWED (unexpected)"}  ${label}: ${detail}`,
    );
    if (outcome !== "allowed") surprises++;
  } catch (error) {
    console.log(
      `${outcome === "refused" ? "refused" : "REFUSED (unexpected)"}  ${label}: ${error.name}: ${error.message}`,
    );
    if (outcome !== "refused") surprises++;
  }
}

await expect("efs DescribeAccessPoints", "allowed", async () => {
  const { AccessPoints } = await efs.send(
    new DescribeAccessPointsCommand({ FileSystemId: env("TOUR_FILE_SYSTEM_ID") }),
  );
  return AccessPoints.map((a) => `${a.AccessPointId} ${a.RootDirectory?.Path}`).join(", ");
});
await expect("efs DescribeFileSystems", "refused", async () => {
  await efs.send(new DescribeFileSystemsCommand({}));
  return "listed";
});
await expect("secretsmanager GetSecretValue", "refused", async () => {
  await secrets.send(new GetSecretValueCommand({ SecretId: env("TOUR_SECRET_ARN") }));
  return "read";
});
await expect("secretsmanager GetSecretValue through the endpoint", "allowed", async () => {
  const value = await throughEndpoint.send(
    new GetSecretValueCommand({ SecretId: env("TOUR_SECRET_ARN") }),
  );
  return `username ${JSON.parse(value.SecretString).username}`;
});
console.log(
  "\n`npx accesslab events --limit 8` shows each decision and the statement that made it",
);
process.exitCode = surprises === 0 ? 0 : 1;
