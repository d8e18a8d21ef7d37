/**
 * Setting up the invoke benchmark's functions through the AWS SDK on a
 * running accesslab: the network, shared file system, mount target and
 * execution role come from the `efs-identities` example's setup (one VPC
 * and subnet, a functions security group the mount target admits on TCP
 * 2049); on top of it, an access point whose PosixUser (1000:1000) owns its
 * root directory, a VPC function mounting it, a no-op function with
 * neither VPC nor file system, and the same no-op in the VPC (which
 * separates what the VPC costs an instance from what the mount costs).
 */
import { CreateAccessPointCommand, EFSClient } from "@aws-sdk/client-efs";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { setUp } from "../../examples/functions/efs-identities/setup.mjs";
import { efsHandlerZip, MOUNT_PATH, noopHandlerZip } from "./handlers.js";

/** SDK client settings pointed at the server. */
export interface ClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly maxAttempts: number;
}

/** The names of the functions the benchmark invokes. */
export const BENCH_FUNCTIONS = {
  efs: "bench-efs-file",
  noop: "bench-noop",
  vpcNoop: "bench-vpc-noop",
} as const;

/** Long enough for the file loop through the mount on a slow machine. */
const TIMEOUT_SECONDS = 120;

/**
 * SDK settings for accesslab on `port` with the bootstrap root key pair.
 *
 * @example
 * const lambda = new LambdaClient(clientConfig(4566));
 */
export function clientConfig(port: number): ClientConfig {
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  };
}

/**
 * Creates both functions (and what the EFS one needs).
 *
 * @example
 * await setUpBenchFunctions(clientConfig(server.port));
 */
export async function setUpBenchFunctions(config: ClientConfig): Promise<void> {
  const made = await setUp({ ...config });
  const efs = new EFSClient(config);
  const lambda = new LambdaClient(config);
  const ap = await efs.send(
    new CreateAccessPointCommand({
      FileSystemId: made.fileSystemId,
      PosixUser: { Uid: 1000, Gid: 1000 },
      RootDirectory: {
        Path: "/bench",
        CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "755" },
      },
    }),
  );
  const common = {
    Role: made.functionRole,
    Runtime: "nodejs20.x" as const,
    Handler: "index.handler",
    Timeout: TIMEOUT_SECONDS,
  };
  await lambda.send(
    new CreateFunctionCommand({
      ...common,
      FunctionName: BENCH_FUNCTIONS.efs,
      Code: { ZipFile: efsHandlerZip() },
      VpcConfig: { SubnetIds: [made.subnetId], SecurityGroupIds: [made.functionGroup] },
      FileSystemConfigs: [{ Arn: ap.AccessPointArn, LocalMountPath: MOUNT_PATH }],
    }),
  );
  await lambda.send(
    new CreateFunctionCommand({
      ...common,
      FunctionName: BENCH_FUNCTIONS.noop,
      Code: { ZipFile: noopHandlerZip() },
    }),
  );
  await lambda.send(
    new CreateFunctionCommand({
      ...common,
      FunctionName: BENCH_FUNCTIONS.vpcNoop,
      Code: { ZipFile: noopHandlerZip() },
      VpcConfig: { SubnetIds: [made.subnetId], SecurityGroupIds: [made.functionGroup] },
    }),
  );
}
