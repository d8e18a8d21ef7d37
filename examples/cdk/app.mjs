// An aws-cdk-lib app for `accesslab check`: a VPC with two isolated
// subnets, an EFS file system with two access points, and for each a
// Lambda function that mounts it with `lambda.FileSystem.fromEfsAccessPoint`.
//
// Whether the file system denies anonymous clients is the
// `@aws-cdk/aws-efs:denyAnonymousAccess` feature flag, chosen here (in this
// order) by the context value `denyAnonymousAccess` (`cdk synth -c
// denyAnonymousAccess=false`), the environment variable
// DENY_ANONYMOUS_ACCESS, or `true`, the value `cdk init` writes for new
// projects. With the flag on, the file system gets a policy that lets only
// IAM clients in; with it off there is no policy, and EFS lets any client
// that reaches a mount target mount, write and act as root.
//
// A second choice reproduces seeds section 1, scenario 4: with the context
// value `archiveCreateAcl` (or the environment variable ARCHIVE_CREATE_ACL)
// set to `false`, the `/archive` access point has no `createAcl`, so EFS
// never creates its root directory and every mount through it fails.
//
// Runs with plain node (`node app.mjs`, output in ./cdk.out or $CDK_OUTDIR)
// or with the CDK CLI (`npx cdk synth`, see cdk.json). The stack has no
// `env`, so it synthesizes offline, without context lookups.
import { App, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as efs from "aws-cdk-lib/aws-efs";
import * as lambda from "aws-cdk-lib/aws-lambda";

const DENY_ANONYMOUS_FLAG = "@aws-cdk/aws-efs:denyAnonymousAccess";

const app = new App({ outdir: process.env.CDK_OUTDIR ?? "cdk.out" });
/** A boolean choice: the context value `key`, else the environment variable `variable`, else true. */
const choose = (key, variable) =>
  String(app.node.tryGetContext(key) ?? process.env[variable] ?? true) !== "false";
const denyAnonymousAccess = choose("denyAnonymousAccess", "DENY_ANONYMOUS_ACCESS");
const archiveCreateAcl = choose("archiveCreateAcl", "ARCHIVE_CREATE_ACL");

const stack = new Stack(app, "ReportsStack", {
  description: "Lambda functions writing to EFS, each through its own access point",
});
// Set before any construct exists, so the file system sees it.
stack.node.setContext(DENY_ANONYMOUS_FLAG, denyAnonymousAccess);

const vpc = new ec2.Vpc(stack, "Vpc", {
  maxAzs: 2,
  natGateways: 0,
  subnetConfiguration: [{ name: "private", subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
});

const fileSystem = new efs.FileSystem(stack, "Reports", {
  vpc,
  encrypted: true,
  removalPolicy: RemovalPolicy.DESTROY,
});

// Two applications, each confined to its own directory, owned by the user
// every client of its access point acts as (seeds section 1's advice: a
// fixed non-root uid and gid, 750 for a directory only its owner writes).
const apps = [
  { name: "Reports", path: "/reports", uid: "1001", createAcl: true },
  { name: "Archive", path: "/archive", uid: "1002", createAcl: archiveCreateAcl },
];

for (const { name, path, uid, createAcl } of apps) {
  const accessPoint = fileSystem.addAccessPoint(`${name}AccessPoint`, {
    path,
    ...(createAcl ? { createAcl: { ownerUid: uid, ownerGid: uid, permissions: "750" } } : {}),
    posixUser: { uid, gid: uid },
  });
  const mountPath = `/mnt${path}`;
  new lambda.Function(stack, `${name}Function`, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: lambda.Code.fromInline(
      [
        'const { appendFile } = require("node:fs/promises");',
        "exports.handler = async () => {",
        `  await appendFile("${mountPath}/${name.toLowerCase()}.log", \`\${new Date().toISOString()}\\n\`);`,
        "};",
      ].join("\n"),
    ),
    vpc,
    filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPoint, mountPath),
  });
}

app.synth();
