/**
 * `npm run bench -- serve`: throughput and latency of `accesslab serve` over
 * loopback with SigV4 verification and IAM enforcement on, for
 * GetSecretValue (identity policy plus the secret's resource policy) and
 * DescribeAccessPoints, called by an IAM user, with a GetCallerIdentity row
 * (signature only) and a bare node:http server answering a fixed body as the
 * ceiling of this machine, all driven by the same raw-socket load generator
 * in this run. Also the time from process start to the first answered
 * request. Targets from issue 4: 5,000 requests/s, p99 under 10 ms, ready in
 * under 500 ms.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAccessPointCommand, CreateFileSystemCommand, EFSClient } from "@aws-sdk/client-efs";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { type LoadResult, percentile, runLoad } from "./serve/load-generator.js";
import { type ServerProcess, startAccesslab, startBareServer } from "./serve/server-process.js";
import { type RequestSpec, signedRequest } from "./serve/signed-request.js";

const CONNECTIONS = 16;
const DURATION_MS = 5_000;
const ROOT = { accessKeyId: "test", secretAccessKey: "test" };

interface Workload {
  readonly name: string;
  readonly spec: RequestSpec;
}

async function seed(port: number) {
  const config = {
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    credentials: ROOT,
    maxAttempts: 1,
  };
  const iam = new IAMClient(config);
  await iam.send(new CreateUserCommand({ UserName: "bench" }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: "bench",
      PolicyName: "read",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "elasticfilesystem:Describe*"],
            Resource: "*",
          },
        ],
      }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "bench" }))).AccessKey;
  const secrets = new SecretsManagerClient(config);
  const secret = await secrets.send(
    new CreateSecretCommand({ Name: "bench/db", SecretString: '{"password":"bench"}' }),
  );
  await secrets.send(
    new PutResourcePolicyCommand({
      SecretId: secret.ARN,
      ResourcePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Principal: "*",
            Action: "secretsmanager:DeleteSecret",
            Resource: "*",
          },
        ],
      }),
    }),
  );
  const efs = new EFSClient(config);
  const fs = await efs.send(new CreateFileSystemCommand({ CreationToken: "bench" }));
  for (const path of ["/a", "/b"]) {
    await efs.send(
      new CreateAccessPointCommand({
        FileSystemId: fs.FileSystemId,
        RootDirectory: {
          Path: path,
          CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "755" },
        },
      }),
    );
  }
  return {
    credentials: {
      accessKeyId: key?.AccessKeyId ?? "",
      secretAccessKey: key?.SecretAccessKey ?? "",
    },
    fileSystemId: fs.FileSystemId ?? "",
  };
}

function workloads(fileSystemId: string): Workload[] {
  return [
    {
      name: "GetCallerIdentity (signature only)",
      spec: {
        method: "POST",
        path: "/",
        service: "sts",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: "Action=GetCallerIdentity&Version=2011-06-15",
      },
    },
    {
      name: "GetSecretValue (identity + resource policy)",
      spec: {
        method: "POST",
        path: "/",
        service: "secretsmanager",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "secretsmanager.GetSecretValue",
        },
        body: JSON.stringify({ SecretId: "bench/db" }),
      },
    },
    {
      name: "DescribeAccessPoints",
      spec: {
        method: "GET",
        path: "/2015-02-01/access-points",
        query: { FileSystemId: fileSystemId },
        service: "elasticfilesystem",
      },
    },
  ];
}

function row(name: string, r: LoadResult): string {
  const rate = r.requests / (r.elapsedMs / 1000);
  const ms = (v: number) => v.toFixed(2);
  return `| ${name} | ${Math.round(rate).toLocaleString("en-US")} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 99))} | ${r.non2xx} | ${r.errors} |`;
}

async function measure(server: ServerProcess, request: Buffer): Promise<LoadResult> {
  const base = { host: "127.0.0.1", port: server.port, request, connections: CONNECTIONS };
  await runLoad({ ...base, durationMs: 1_000 });
  return runLoad({ ...base, durationMs: DURATION_MS });
}

async function readyTimes(stateDir: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const server = await startAccesslab(["--state", join(stateDir, `ready-${i}`)]);
    times.push(server.readyMs);
    await server.stop();
  }
  return times.sort((a, b) => a - b);
}

/**
 * Runs the serve benchmark and prints its table.
 *
 * @example
 * await runServeBench();
 */
export async function runServeBench(): Promise<void> {
  console.log("building dist/ …");
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  const stateDir = mkdtempSync(join(tmpdir(), "accesslab-bench-"));
  try {
    const ready = await readyTimes(stateDir);
    console.log(
      `\nready (spawn to first answered request, SQLite state, 5 runs): median ${ready[2]?.toFixed(0)} ms, max ${ready[4]?.toFixed(0)} ms (target < 500 ms)\n`,
    );
    console.log(
      `| workload (${CONNECTIONS} connections, ${DURATION_MS / 1000} s, loopback) | requests/s | p50 ms | p99 ms | non-2xx | errors |`,
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    const bare = await startBareServer();
    try {
      const request = Buffer.from(
        "GET / HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\ncontent-length: 0\r\n\r\n",
      );
      console.log(row("bare node:http, fixed body (ceiling)", await measure(bare, request)));
    } finally {
      await bare.stop();
    }
    for (const kind of ["sqlite", "memory"] as const) {
      const args = kind === "memory" ? ["--in-memory"] : ["--state", join(stateDir, "load")];
      const server = await startAccesslab(args);
      try {
        const seeded = await seed(server.port);
        for (const w of workloads(seeded.fileSystemId)) {
          const request = await signedRequest("127.0.0.1", server.port, seeded.credentials, w.spec);
          console.log(row(`accesslab ${kind}: ${w.name}`, await measure(server, request)));
        }
      } finally {
        await server.stop();
      }
    }
    console.log(
      "\ntargets: 5,000 requests/s and p99 < 10 ms for GetSecretValue and DescribeAccessPoints",
    );
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}
