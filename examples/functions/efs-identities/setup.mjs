// Sets up seeds-digest section 1 (EFS access points, POSIX identity and
// Lambda) on an accesslab endpoint with the AWS SDK: one VPC and subnet, a
// security group for the functions and one for the mount target that admits
// NFS (TCP 2049) from it, one shared file system with its access points, and
// a function per step, each running a handler from this directory. Two more
// functions show the other refusals: one whose security group the mount
// target does not admit, and one whose role may mount a second file system
// (which has a policy) but not write to it.
//
//   npx accesslab serve --in-memory &
//   node examples/functions/efs-identities/setup.mjs http://127.0.0.1:4566
//   aws --endpoint-url http://127.0.0.1:4566 lambda invoke --function-name efs-write-first out.json
//
// Also imported by test/runtime/lambda-efs-identities.test.ts, which invokes
// the functions in order and checks the outcomes the report gave.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  EFSClient,
  PutFileSystemPolicyCommand,
} from "@aws-sdk/client-efs";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { strToU8, zipSync } from "fflate";

const here = dirname(fileURLToPath(import.meta.url));

/** The functions, in the order the report ran them. */
export const FUNCTIONS = {
  prepareHoge: "efs-prepare-hoge",
  writeFirst: "efs-write-first",
  appendFirst: "efs-append-first",
  writePiyoSandbox: "efs-write-piyo-sandbox",
  writePiyo1002: "efs-write-piyo-1002",
  listFuga: "efs-list-fuga",
  closedNetwork: "efs-closed-network",
  readOnly: "efs-read-only",
};

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});

function handlerZip(name) {
  return zipSync({ "index.js": strToU8(readFileSync(join(here, name, "index.js"), "utf8")) });
}

/**
 * Creates everything; `config` is an SDK client configuration
 * (`{ endpoint, region, credentials }`).
 */
export async function setUp(config) {
  const ec2 = new EC2Client(config);
  const efs = new EFSClient(config);
  const iam = new IAMClient(config);
  const lambda = new LambdaClient(config);

  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc;
  const subnet = (
    await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpc.VpcId,
        CidrBlock: "10.0.1.0/24",
        AvailabilityZone: `${await ec2.config.region()}a`,
      }),
    )
  ).Subnet;
  const group = async (name) =>
    (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc.VpcId }),
      )
    ).GroupId;
  const functionGroup = await group("efs-functions");
  const closedGroup = await group("efs-elsewhere");
  const mountTargetGroup = await group("efs-mount-targets");
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: mountTargetGroup,
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 2049,
          ToPort: 2049,
          UserIdGroupPairs: [{ GroupId: functionGroup }],
        },
      ],
    }),
  );

  const fileSystem = async (token) => {
    const id = (await efs.send(new CreateFileSystemCommand({ CreationToken: token }))).FileSystemId;
    await efs.send(
      new CreateMountTargetCommand({
        FileSystemId: id,
        SubnetId: subnet.SubnetId,
        SecurityGroups: [mountTargetGroup],
      }),
    );
    return id;
  };
  const shared = await fileSystem("efs-identities");
  const guarded = await fileSystem("efs-identities-guarded");
  const accessPoint = async (fileSystemId, posixUser, path, creationInfo) =>
    (
      await efs.send(
        new CreateAccessPointCommand({
          FileSystemId: fileSystemId,
          ...(posixUser ? { PosixUser: { Uid: posixUser[0], Gid: posixUser[1] } } : {}),
          RootDirectory: {
            Path: path,
            ...(creationInfo
              ? {
                  CreationInfo: {
                    OwnerUid: creationInfo[0],
                    OwnerGid: creationInfo[1],
                    Permissions: creationInfo[2],
                  },
                }
              : {}),
          },
        }),
      )
    ).AccessPointArn;
  const ap = {
    root: await accessPoint(shared, [0, 0], "/"),
    hogeRoot: await accessPoint(shared, [0, 0], "/hoge", [1001, 1001, "700"]),
    hoge1001: await accessPoint(shared, [1001, 1001], "/hoge", [1001, 1001, "700"]),
    piyoSandbox: await accessPoint(shared, undefined, "/piyo", [1002, 1002, "764"]),
    piyo1002: await accessPoint(shared, [1002, 1002], "/piyo", [1002, 1002, "764"]),
    fuga: await accessPoint(shared, [1003, 1003], "/fuga"),
    guarded: await accessPoint(guarded, [1001, 1001], "/data", [1001, 1001, "755"]),
  };
  // The guarded file system has a policy of its own (only a Deny without
  // TLS), so IAM decides: the reader role's identity policy grants
  // ClientMount alone, and the mount is read-only.
  await efs.send(
    new PutFileSystemPolicyCommand({
      FileSystemId: guarded,
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    }),
  );

  const role = async (name, policy) => {
    const arn = (
      await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }))
    ).Role.Arn;
    if (policy)
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: name,
          PolicyName: "efs",
          PolicyDocument: JSON.stringify(policy),
        }),
      );
    return arn;
  };
  const functionRole = await role("efs-identities-function");
  const readerRole = await role("efs-identities-reader", {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "elasticfilesystem:ClientMount", Resource: "*" }],
  });

  const fn = (name, handler, accessPointArn, mountPath, more = {}) =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Role: more.role ?? functionRole,
        Runtime: "nodejs20.x",
        Handler: "index.handler",
        Timeout: 10,
        Code: { ZipFile: handlerZip(handler) },
        VpcConfig: {
          SubnetIds: [subnet.SubnetId],
          SecurityGroupIds: [more.group ?? functionGroup],
        },
        FileSystemConfigs: [{ Arn: accessPointArn, LocalMountPath: mountPath }],
      }),
    );
  await fn(FUNCTIONS.prepareHoge, "prepare-hoge", ap.root, "/mnt/root");
  await fn(FUNCTIONS.writeFirst, "write-first", ap.hogeRoot, "/mnt/hoge");
  await fn(FUNCTIONS.appendFirst, "append-first", ap.hoge1001, "/mnt/hoge");
  await fn(FUNCTIONS.writePiyoSandbox, "write-piyo", ap.piyoSandbox, "/mnt/piyo");
  await fn(FUNCTIONS.writePiyo1002, "write-piyo", ap.piyo1002, "/mnt/piyo");
  await fn(FUNCTIONS.listFuga, "list-fuga", ap.fuga, "/mnt/fuga");
  await fn(FUNCTIONS.closedNetwork, "write-data", ap.hogeRoot, "/mnt/data", {
    group: closedGroup,
  });
  await fn(FUNCTIONS.readOnly, "write-data", ap.guarded, "/mnt/data", { role: readerRole });
  return {
    fileSystemId: shared,
    guardedFileSystemId: guarded,
    accessPoints: ap,
    subnetId: subnet.SubnetId,
    functionGroup,
    functionRole,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const endpoint = process.argv[2] ?? process.env.AWS_ENDPOINT_URL ?? "http://127.0.0.1:4566";
  const made = await setUp({
    endpoint,
    region: process.env.AWS_REGION ?? "us-east-1",
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "test",
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "test",
      ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
    },
  });
  process.stdout.write(`file system ${made.fileSystemId}; functions, in order:\n`);
  for (const name of Object.values(FUNCTIONS)) process.stdout.write(`  ${name}\n`);
}
