/**
 * The AWS managed policies that serverless workloads commonly use, at their
 * real ARNs, with the default version's document, version id and dates as
 * the AWS Managed Policy Reference Guide lists them
 * (docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html).
 * They are part of every account and never stored.
 */
import type { ManagedPolicy } from "./model.js";

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly versionId: string;
  readonly created: string;
  readonly edited: string;
  readonly description: string;
  readonly document: unknown;
}

const allowAll = (actions: string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
});

const ENTRIES: readonly Entry[] = [
  {
    name: "AWSLambdaBasicExecutionRole",
    path: "/service-role/",
    versionId: "v1",
    created: "2015-04-09T15:03:00Z",
    edited: "2015-04-09T15:03:00Z",
    description: "Provides write permissions to CloudWatch Logs.",
    document: allowAll(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]),
  },
  {
    name: "AWSLambdaVPCAccessExecutionRole",
    path: "/service-role/",
    versionId: "v3",
    created: "2016-02-11T23:15:00Z",
    edited: "2024-01-05T22:38:00Z",
    description:
      "Provides minimum permissions for a Lambda function to execute while accessing a resource within a VPC - create, describe, delete network interfaces and write permissions to CloudWatch Logs. ",
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AWSLambdaVPCAccessExecutionPermissions",
          Effect: "Allow",
          Action: [
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses",
            "ec2:UnassignPrivateIpAddresses",
          ],
          Resource: "*",
        },
      ],
    },
  },
  {
    name: "AmazonElasticFileSystemClientReadWriteAccess",
    path: "/",
    versionId: "v1",
    created: "2020-01-13T16:21:00Z",
    edited: "2020-01-13T16:21:00Z",
    description: "Provides read and write client access to an Amazon EFS file system",
    document: allowAll([
      "elasticfilesystem:ClientMount",
      "elasticfilesystem:ClientWrite",
      "elasticfilesystem:DescribeMountTargets",
    ]),
  },
  {
    name: "AmazonElasticFileSystemClientFullAccess",
    path: "/",
    versionId: "v1",
    created: "2020-01-13T16:27:00Z",
    edited: "2020-01-13T16:27:00Z",
    description: "Provides root client access to an Amazon EFS file system",
    document: allowAll([
      "elasticfilesystem:ClientMount",
      "elasticfilesystem:ClientRootAccess",
      "elasticfilesystem:ClientWrite",
      "elasticfilesystem:DescribeMountTargets",
    ]),
  },
  {
    name: "SecretsManagerReadWrite",
    path: "/",
    versionId: "v5",
    created: "2018-04-04T18:05:00Z",
    edited: "2024-02-22T18:12:00Z",
    description:
      "Provides read/write access to AWS Secrets Manager via the AWS Management Console. Note: this exludes IAM actions, so combine with IAMFullAccess if rotation configuration is required.",
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "BasePermissions",
          Effect: "Allow",
          Action: [
            "secretsmanager:*",
            "cloudformation:CreateChangeSet",
            "cloudformation:DescribeChangeSet",
            "cloudformation:DescribeStackResource",
            "cloudformation:DescribeStacks",
            "cloudformation:ExecuteChangeSet",
            "docdb-elastic:GetCluster",
            "docdb-elastic:ListClusters",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcs",
            "kms:DescribeKey",
            "kms:ListAliases",
            "kms:ListKeys",
            "lambda:ListFunctions",
            "rds:DescribeDBClusters",
            "rds:DescribeDBInstances",
            "redshift:DescribeClusters",
            "redshift-serverless:ListWorkgroups",
            "redshift-serverless:GetNamespace",
            "tag:GetResources",
          ],
          Resource: "*",
        },
        {
          Sid: "LambdaPermissions",
          Effect: "Allow",
          Action: [
            "lambda:AddPermission",
            "lambda:CreateFunction",
            "lambda:GetFunction",
            "lambda:InvokeFunction",
            "lambda:UpdateFunctionConfiguration",
          ],
          Resource: "arn:aws:lambda:*:*:function:SecretsManager*",
        },
        {
          Sid: "SARPermissions",
          Effect: "Allow",
          Action: ["serverlessrepo:CreateCloudFormationChangeSet", "serverlessrepo:GetApplication"],
          Resource: "arn:aws:serverlessrepo:*:*:applications/SecretsManager*",
        },
        {
          Sid: "S3Permissions",
          Effect: "Allow",
          Action: ["s3:GetObject"],
          Resource: [
            "arn:aws:s3:::awsserverlessrepo-changesets*",
            "arn:aws:s3:::secrets-manager-rotation-apps-*/*",
          ],
        },
      ],
    },
  },
  {
    name: "AdministratorAccess",
    path: "/",
    versionId: "v1",
    created: "2015-02-06T18:39:46Z",
    edited: "2015-02-06T18:39:46Z",
    description: "Provides full access to AWS services and resources.",
    document: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    },
  },
];

function toPolicy(e: Entry): ManagedPolicy {
  const createDate = Date.parse(e.created);
  const updateDate = Date.parse(e.edited);
  return {
    policyName: e.name,
    // AWS managed policy ids are fixed by AWS; ours are derived from the name so they never change.
    policyId: `ANPA${e.name
      .toUpperCase()
      .replace(/[^A-Z2-7]/g, "")
      .padEnd(17, "A")
      .slice(0, 17)}`,
    arn: `arn:aws:iam::aws:policy${e.path}${e.name}`,
    path: e.path,
    description: e.description,
    createDate,
    updateDate,
    defaultVersionId: e.versionId,
    versions: [
      {
        versionId: e.versionId,
        document: JSON.stringify(e.document),
        isDefaultVersion: true,
        createDate: updateDate,
      },
    ],
    tags: [],
  };
}

/** Every AWS managed policy accesslab knows, by ARN. */
export const AWS_MANAGED_POLICIES: ReadonlyMap<string, ManagedPolicy> = new Map(
  ENTRIES.map((e) => {
    const policy = toPolicy(e);
    return [policy.arn, policy] as const;
  }),
);

/**
 * The AWS managed policy at `arn`, if accesslab knows it.
 *
 * @example
 * awsManagedPolicy("arn:aws:iam::aws:policy/AdministratorAccess")?.defaultVersionId; // "v1"
 */
export function awsManagedPolicy(arn: string): ManagedPolicy | undefined {
  return AWS_MANAGED_POLICIES.get(arn);
}
