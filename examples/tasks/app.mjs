// A tiny container app: who am I? It calls STS GetCallerIdentity with the
// AWS SDK for JavaScript v3 and its default credential provider chain,
// exactly as an app in an ECS task would, and prints the caller's ARN, or
// the SDK's error and exit code 1. Inside `accesslab run-task` the SDK
// reaches accesslab through AWS_ENDPOINT_URL and the task role's
// credentials through the container credentials variables.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

const client = new STSClient({ region: process.env.AWS_REGION ?? "us-east-1", maxAttempts: 1 });
try {
  const identity = await client.send(new GetCallerIdentityCommand({}));
  console.log(`uid ${process.getuid?.()}: ${identity.Arn}`);
} catch (error) {
  console.error(`uid ${process.getuid?.()}: ${error.name}: ${error.message}`);
  process.exitCode = 1;
}
