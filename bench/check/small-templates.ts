/**
 * The directory of small benchmark templates: `count` templates of a few
 * resources each, in five kinds taken in turn (an EFS file system with an
 * access point and a function that mounts it; a secret read through a
 * Secrets Manager interface endpoint; an ECS Fargate task definition with
 * its task role; a plain function and its role; a file system with mount
 * targets and nothing else). Every kind has a clean form and a broken one
 * (a root access point, an endpoint its readers cannot reach, a command
 * started through `su -`, a role that trusts the wrong service, a file
 * system without a policy), chosen by the template's number, so the
 * checker has real work and real findings.
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

/** One small template and the file name it is written under. */
export interface SmallTemplate {
  readonly name: string;
  readonly body: Template;
}

const ACCOUNT_ROOT = sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");

function securityGroup(description: string, rules: Record<string, unknown> = {}) {
  return {
    Type: "AWS::EC2::SecurityGroup",
    Properties: { GroupDescription: description, VpcId: ref("Vpc"), ...rules },
  };
}

function lambdaRole(service: string, statements: unknown[], inVpc: boolean) {
  return {
    Type: "AWS::IAM::Role",
    Properties: {
      AssumeRolePolicyDocument: trustPolicy(service),
      ...(inVpc ? { ManagedPolicyArns: [LAMBDA_VPC_MANAGED_POLICY] } : {}),
      ...(statements.length > 0
        ? {
            Policies: [
              {
                PolicyName: "app",
                PolicyDocument: { Version: "2012-10-17", Statement: statements },
              },
            ],
          }
        : {}),
    },
  };
}

function lambdaFunction(extra: Record<string, unknown>, dependsOn?: string[]) {
  return {
    Type: "AWS::Lambda::Function",
    ...(dependsOn ? { DependsOn: dependsOn } : {}),
    Properties: {
      Runtime: "python3.12",
      Handler: "index.handler",
      Timeout: 15,
      Role: getAtt("FunctionRole", "Arn"),
      Code: { ZipFile: "def handler(event, context):\n    return {'ok': True}\n" },
      ...extra,
    },
  };
}

const inSubnets = (group: string) => ({
  VpcConfig: {
    SubnetIds: [ref("SubnetA"), ref("SubnetB")],
    SecurityGroupIds: [getAtt(group, "GroupId")],
  },
});

function efsFunction(i: number, broken: boolean): Resources {
  const uid = broken ? "0" : String(2000 + (i % 100));
  return {
    ...vpcWithTwoSubnets(i % 250),
    FunctionGroup: securityGroup("function"),
    MountGroup: securityGroup("mount targets", {
      SecurityGroupIngress: [
        {
          IpProtocol: "tcp",
          FromPort: 2049,
          ToPort: 2049,
          SourceSecurityGroupId: getAtt("FunctionGroup", "GroupId"),
        },
      ],
    }),
    Data: {
      Type: "AWS::EFS::FileSystem",
      Properties: {
        Encrypted: true,
        FileSystemPolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: ACCOUNT_ROOT },
              Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            },
          ],
        },
      },
    },
    MountA: mountTarget("SubnetA", "MountGroup"),
    MountB: mountTarget("SubnetB", "MountGroup"),
    DataAccessPoint: {
      Type: "AWS::EFS::AccessPoint",
      Properties: {
        FileSystemId: ref("Data"),
        PosixUser: { Uid: uid, Gid: uid },
        RootDirectory: {
          Path: `/app-${i}`,
          CreationInfo: { OwnerUid: uid, OwnerGid: uid, Permissions: "750" },
        },
      },
    },
    FunctionRole: lambdaRole(
      "lambda.amazonaws.com",
      [
        {
          Effect: "Allow",
          Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          Resource: getAtt("Data", "Arn"),
        },
      ],
      true,
    ),
    Writer: lambdaFunction(
      {
        ...inSubnets("FunctionGroup"),
        FileSystemConfigs: [{ Arn: getAtt("DataAccessPoint", "Arn"), LocalMountPath: "/mnt/data" }],
      },
      ["MountA", "MountB"],
    ),
  };
}

function mountTarget(subnet: string, group: string) {
  return {
    Type: "AWS::EFS::MountTarget",
    Properties: {
      FileSystemId: ref("Data"),
      SubnetId: ref(subnet),
      SecurityGroups: [getAtt(group, "GroupId")],
    },
  };
}

function secretThroughEndpoint(i: number, broken: boolean): Resources {
  return {
    ...vpcWithTwoSubnets(i % 250),
    FunctionGroup: securityGroup("function"),
    EndpointGroup: securityGroup("secrets manager endpoint", {
      SecurityGroupIngress: [
        {
          IpProtocol: "tcp",
          FromPort: 443,
          ToPort: 443,
          ...(broken ? { CidrIp: "192.168.0.0/24" } : { CidrIp: `10.${i % 250}.0.0/16` }),
        },
      ],
    }),
    Endpoint: {
      Type: "AWS::EC2::VPCEndpoint",
      Properties: {
        VpcEndpointType: "Interface",
        ServiceName: sub("com.amazonaws.${AWS::Region}.secretsmanager"),
        VpcId: ref("Vpc"),
        SubnetIds: [ref("SubnetA"), ref("SubnetB")],
        SecurityGroupIds: [getAtt("EndpointGroup", "GroupId")],
        PrivateDnsEnabled: true,
      },
    },
    Credentials: {
      Type: "AWS::SecretsManager::Secret",
      Properties: {
        Name: `app-${i}/database`,
        GenerateSecretString: {
          SecretStringTemplate: '{"username":"app"}',
          GenerateStringKey: "password",
        },
      },
    },
    CredentialsPolicy: {
      Type: "AWS::SecretsManager::ResourcePolicy",
      Properties: {
        SecretId: ref("Credentials"),
        ResourcePolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "secretsmanager:GetSecretValue",
              Resource: "*",
              Condition: { StringNotEquals: { "aws:sourceVpce": ref("Endpoint") } },
            },
          ],
        },
      },
    },
    FunctionRole: lambdaRole(
      "lambda.amazonaws.com",
      [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: ref("Credentials") }],
      true,
    ),
    Reader: lambdaFunction({
      ...inSubnets("FunctionGroup"),
      Environment: { Variables: { SECRET_ID: ref("Credentials") } },
    }),
  };
}

function ecsTask(i: number, broken: boolean): Resources {
  const command = broken
    ? ["sh", "-c", "su - app -c 'exec node /srv/app/server.js'"]
    : ["node", "/srv/app/server.js"];
  return {
    TaskRole: {
      Type: "AWS::IAM::Role",
      Properties: {
        AssumeRolePolicyDocument: trustPolicy("ecs-tasks.amazonaws.com"),
        Policies: [
          {
            PolicyName: "read-config",
            PolicyDocument: {
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Action: "ssm:GetParameter",
                  Resource: sub(
                    `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/app-${i}/*`,
                  ),
                },
              ],
            },
          },
        ],
      },
    },
    Task: {
      Type: "AWS::ECS::TaskDefinition",
      Properties: {
        Family: `app-${i}`,
        RequiresCompatibilities: ["FARGATE"],
        NetworkMode: "awsvpc",
        Cpu: "256",
        Memory: "512",
        TaskRoleArn: getAtt("TaskRole", "Arn"),
        ContainerDefinitions: [
          {
            Name: "app",
            Image: `public.ecr.aws/docker/library/node:20-${i}`,
            Essential: true,
            ...(broken ? {} : { User: "1000:1000" }),
            Command: command,
          },
        ],
      },
    },
  };
}

function plainFunction(i: number, broken: boolean): Resources {
  return {
    FunctionRole: lambdaRole(broken ? "ec2.amazonaws.com" : "lambda.amazonaws.com", [], false),
    Handler: lambdaFunction({ Environment: { Variables: { APP: `app-${i}` } } }),
  };
}

function bareFileSystem(i: number, broken: boolean): Resources {
  return {
    ...vpcWithTwoSubnets(i % 250),
    MountGroup: securityGroup("mount targets"),
    Data: {
      Type: "AWS::EFS::FileSystem",
      Properties: {
        Encrypted: true,
        ...(broken
          ? {}
          : {
              FileSystemPolicy: {
                Version: "2012-10-17",
                Statement: [
                  {
                    Effect: "Allow",
                    Principal: { AWS: ACCOUNT_ROOT },
                    Action: "elasticfilesystem:ClientMount",
                  },
                ],
              },
            }),
      },
    },
    MountA: mountTarget("SubnetA", "MountGroup"),
    MountB: mountTarget("SubnetB", "MountGroup"),
  };
}

const KINDS = [
  { name: "efs-function", build: efsFunction },
  { name: "secret-endpoint", build: secretThroughEndpoint },
  { name: "ecs-task", build: ecsTask },
  { name: "plain-function", build: plainFunction },
  { name: "bare-file-system", build: bareFileSystem },
] as const;

/**
 * Builds `count` small templates; one in three is broken.
 *
 * @example
 * smallTemplates(500)[0].name; // "0001-efs-function.yaml"
 */
export function smallTemplates(count: number): SmallTemplate[] {
  return Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    const kind = KINDS[index % KINDS.length] ?? KINDS[0];
    const broken = i % 3 === 0;
    return {
      name: `${String(i).padStart(4, "0")}-${kind.name}.yaml`,
      body: template(`${kind.name} ${i}${broken ? " (broken)" : ""}`, kind.build(i, broken)),
    };
  });
}
