/**
 * Test support for the serve suites: an accesslab server in-process on an
 * ephemeral loopback port over an in-memory store, with the local Lambda
 * runtime so Invoke runs functions' code and the local ECS runtime so
 * RunTask runs containers, FSx's SMB servers (Samba `smbd`s, started
 * only for file systems a test creates), and real AWS SDK v3 clients
 * pointed at it with the bootstrap credentials (or any others).
 */
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { createTaskRunner } from "../../src/runtime/ecs/task-runner.js";
import { createSmbSupervisor, type SmbSupervisor } from "../../src/runtime/fsx/smb-supervisor.js";
import { createProcessRunner } from "../../src/runtime/lambda/process-runner.js";
import { flushAudit } from "../../src/server/audit.js";
import { type RunningServer, startServer } from "../../src/server/create-server.js";
import { createServerEnv } from "../../src/server/env.js";
import type { ServiceContext } from "../../src/services/context.js";
import { resumeSmbServers } from "../../src/services/fsx/resume.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/port.js";

/** Credentials as the SDK takes them. */
export interface TestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** The bootstrap root key pair. */
export const ROOT: TestCredentials = { accessKeyId: "test", secretAccessKey: "test" };

/** A running test server and what it logged. */
export interface TestServer {
  readonly running: RunningServer;
  readonly logged: string[];
  /** SDK client settings pointed at the server: `new EFSClient(server.config())`. */
  config(credentials?: TestCredentials): {
    endpoint: string;
    region: string;
    credentials: TestCredentials;
    maxAttempts: number;
  };
  /** The services' context the server runs on (its store, account, region). */
  readonly services: ServiceContext;
  /** The SMB servers of FSx file systems (Samba `smbd`s under a temporary or given root). */
  readonly smb: SmbSupervisor;
  /** Writes the queued audit records now. */
  flushAudit(): void;
  sts(credentials?: TestCredentials): STSClient;
  iam(credentials?: TestCredentials): IAMClient;
  close(): Promise<void>;
}

/**
 * Starts a server for one suite.
 *
 * @example
 * const server = await startTestServer();
 * await server.sts().send(new GetCallerIdentityCommand({}));
 */
export async function startTestServer(
  options: {
    enforceIam?: boolean;
    maxBodyBytes?: number;
    store?: Store;
    clock?: () => number;
    /** Where FSx's SMB servers keep their files (a temporary directory by default). */
    smbRoot?: string;
  } = {},
): Promise<TestServer> {
  const { store = openStore({ kind: "memory" }), smbRoot, ...settings } = options;
  const logged: string[] = [];
  let endpoint = "";
  const functionRunner = createProcessRunner({
    endpoint: () => endpoint,
    services: () => env.services,
  });
  const taskRunner = createTaskRunner({ endpoint: () => endpoint });
  const smb = createSmbSupervisor({
    ...(smbRoot === undefined ? {} : { root: smbRoot }),
    log: (line) => logged.push(line),
  });
  const env = createServerEnv({
    store,
    log: (line) => logged.push(line),
    functionRunner,
    taskRunner,
    smbServers: smb,
    ...settings,
  });
  const running = await startServer(env, {
    host: "127.0.0.1",
    port: 0,
    ...(taskRunner.apiSocket ? { unixSocket: taskRunner.apiSocket } : {}),
  });
  endpoint = running.endpoint;
  await resumeSmbServers(env.services);
  const config = (credentials: TestCredentials) => ({
    endpoint: running.endpoint,
    region: "us-east-1",
    credentials,
    maxAttempts: 1,
  });
  return {
    running,
    logged,
    config: (credentials = ROOT) => config(credentials),
    services: env.services,
    smb,
    flushAudit: () => flushAudit(env),
    sts: (credentials = ROOT) => new STSClient(config(credentials)),
    iam: (credentials = ROOT) => new IAMClient(config(credentials)),
    close: async () => {
      await running.close();
      await functionRunner.close();
      await taskRunner.close();
      await smb.close();
      store.close();
    },
  };
}

/** A trust policy letting `principal` (`{ AWS: … }` or `{ Service: … }`) assume the role. */
export function trustPolicy(principal: Record<string, string>): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
  });
}
