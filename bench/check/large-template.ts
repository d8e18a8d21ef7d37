/**
 * The large benchmark template: one VPC with two subnets, a security group
 * for the functions and one for the mount targets (NFS, TCP 2049, allowed
 * from the functions' group), `fileSystems` EFS file systems each with a
 * file system policy and a mount target in both subnets, `accessPointsPerFileSystem`
 * access points on each (a fixed non-root PosixUser, a RootDirectory with
 * CreationInfo owned by that user), and `functions` Lambda functions in the
 * VPC, each mounting one access point (round robin) and running as its own
 * execution role (one role per function, as SAM and the CDK generate them)
 * that grants ClientMount and ClientWrite on its file system through its
 * access point. A few deliberate mistakes give the probes something to
 * report, in fixed places so every run finds the same: every tenth file
 * system has no policy, every twentieth access point acts as root, and
 * every fiftieth role lacks ClientWrite.
 */
import {
  getAtt,
  LAMBDA_VPC_MANAGED_POLICY,
  type Resources,
  ref,
  sub,
  type Template,
  template,
  trustPolicy,
  vpcWithTwoSubnets,
} from "./template-parts.js";

/** How big the template is. */
export interface LargeTemplateSize {
  readonly functions: number;
  readonly fileSystems: number;
  readonly accessPointsPerFileSystem: number;
}

/** The size the issue asks for: 1,000 functions, 50 file systems, 200 access points. */
export const ISSUE_SIZE: LargeTemplateSize = {
  functions: 1_000,
  fileSystems: 50,
  accessPointsPerFileSystem: 4,
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const fsId = (f: number) => `FileSystem${pad(f, 3)}`;
const apId = (a: number) => `AccessPoint${pad(a, 4)}`;

function network(): Resources {
  return {
    ...vpcWithTwoSubnets(0),
    FunctionSecurityGroup: {
      Type: "AWS::EC2::SecurityGroup",
      Properties: { GroupDescription: "Lambda functions that mount EFS", VpcId: ref("Vpc") },
    },
    MountTargetSecurityGroup: {
      Type: "AWS::EC2::SecurityGroup",
      Properties: {
        GroupDescription: "EFS mount targets",
        VpcId: ref("Vpc"),
        SecurityGroupIngress: [
          {
            Description: "NFS from the functions",
            IpProtocol: "tcp",
            FromPort: 2049,
            ToPort: 2049,
            SourceSecurityGroupId: getAtt("FunctionSecurityGroup", "GroupId"),
          },
        ],
      },
    },
  };
}

function fileSystemPolicy() {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountThroughMountTargets",
        Effect: "Allow",
        Principal: { AWS: sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root") },
        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
      },
      {
        Sid: "DenyWithoutTls",
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}

function fileSystem(f: number, resources: Resources): void {
  resources[fsId(f)] = {
    Type: "AWS::EFS::FileSystem",
    Properties: {
      Encrypted: true,
      PerformanceMode: "generalPurpose",
      FileSystemTags: [{ Key: "Name", Value: `shared-${pad(f, 3)}` }],
      ...(f % 10 === 0 ? {} : { FileSystemPolicy: fileSystemPolicy() }),
    },
  };
  for (const zone of ["A", "B"]) {
    resources[`${fsId(f)}MountTarget${zone}`] = {
      Type: "AWS::EFS::MountTarget",
      Properties: {
        FileSystemId: ref(fsId(f)),
        SubnetId: ref(`Subnet${zone}`),
        SecurityGroups: [getAtt("MountTargetSecurityGroup", "GroupId")],
      },
    };
  }
}

function accessPoint(a: number, f: number, resources: Resources): void {
  const uid = a % 20 === 0 ? "0" : String(1000 + a);
  resources[apId(a)] = {
    Type: "AWS::EFS::AccessPoint",
    Properties: {
      FileSystemId: ref(fsId(f)),
      PosixUser: { Uid: uid, Gid: uid },
      RootDirectory: {
        Path: `/tenant-${pad(a, 4)}`,
        CreationInfo: {
          OwnerUid: uid,
          OwnerGid: uid,
          Permissions: a % 2 === 0 ? "750" : "770",
        },
      },
      AccessPointTags: [{ Key: "Name", Value: `tenant-${pad(a, 4)}` }],
    },
  };
}

function functionWithRole(n: number, a: number, f: number, resources: Resources): void {
  const id = `Function${pad(n, 4)}`;
  const actions = ["elasticfilesystem:ClientMount"];
  if (n % 50 !== 0) actions.push("elasticfilesystem:ClientWrite");
  resources[`${id}Role`] = {
    Type: "AWS::IAM::Role",
    Properties: {
      AssumeRolePolicyDocument: trustPolicy("lambda.amazonaws.com"),
      ManagedPolicyArns: [LAMBDA_VPC_MANAGED_POLICY],
      Policies: [
        {
          PolicyName: "efs-through-access-point",
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: actions,
                Resource: getAtt(fsId(f), "Arn"),
                Condition: {
                  StringEquals: { "elasticfilesystem:AccessPointArn": getAtt(apId(a), "Arn") },
                },
              },
            ],
          },
        },
      ],
    },
  };
  resources[id] = {
    Type: "AWS::Lambda::Function",
    DependsOn: [`${fsId(f)}MountTargetA`, `${fsId(f)}MountTargetB`],
    Properties: {
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Timeout: 10,
      MemorySize: 256,
      Role: getAtt(`${id}Role`, "Arn"),
      Code: {
        ZipFile: `exports.handler = async () => require("node:fs").appendFileSync("/mnt/data/${id}.log", "ok\\n");\n`,
      },
      VpcConfig: {
        SubnetIds: [ref("SubnetA"), ref("SubnetB")],
        SecurityGroupIds: [getAtt("FunctionSecurityGroup", "GroupId")],
      },
      FileSystemConfigs: [{ Arn: getAtt(apId(a), "Arn"), LocalMountPath: "/mnt/data" }],
    },
  };
}

/**
 * Builds the large template.
 *
 * @example
 * const body = largeTemplate(ISSUE_SIZE);
 * Object.keys(body.Resources as object).length; // 2355
 */
export function largeTemplate(size: LargeTemplateSize): Template {
  const resources: Resources = network();
  const accessPoints = size.fileSystems * size.accessPointsPerFileSystem;
  for (let f = 1; f <= size.fileSystems; f++) fileSystem(f, resources);
  for (let a = 1; a <= accessPoints; a++) {
    accessPoint(a, Math.ceil(a / size.accessPointsPerFileSystem), resources);
  }
  for (let n = 1; n <= size.functions; n++) {
    const a = ((n - 1) % accessPoints) + 1;
    functionWithRole(n, a, Math.ceil(a / size.accessPointsPerFileSystem), resources);
  }
  return template(
    `${size.functions} Lambda functions on ${accessPoints} access points of ${size.fileSystems} EFS file systems`,
    resources,
  );
}
