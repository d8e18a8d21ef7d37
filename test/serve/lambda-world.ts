/**
 * Test support for the Lambda suites: a server over an in-memory state
 * already seeded with the Lambda fixtures' world (roles, VPC, EFS; see
 * `src/services/lambda/seed.test-support.ts`), and a Lambda client on it.
 */
import { LambdaClient } from "@aws-sdk/client-lambda";
import {
  lambdaTestContext,
  seedWorld,
  type World,
} from "../../src/services/lambda/seed.test-support.js";
import { openStore } from "../../src/store/open.js";
import { startTestServer, type TestServer } from "./harness.js";

/** The server, its seeded world, and a client signed as the root. */
export interface LambdaWorld {
  readonly server: TestServer;
  readonly world: World;
  readonly lambda: LambdaClient;
}

/**
 * Seeds a fresh state and starts a server on it.
 *
 * @example
 * beforeAll(async () => ({ server, world, lambda } = await startLambdaWorld()));
 */
export async function startLambdaWorld(): Promise<LambdaWorld> {
  const store = openStore({ kind: "memory" });
  const world = seedWorld(lambdaTestContext(store));
  const server = await startTestServer({ store });
  return { server, world, lambda: new LambdaClient(server.config()) };
}
