import { describe, expect, it } from "vitest";
import { type JsonNode, jsonNodeToValue } from "../../formats/json-tree.js";
import { parseYamlTree } from "../../formats/yaml-tree.js";
import type { TemplateDocument } from "../model.js";
import { member } from "./nodes.js";
import { expandSam, isSamTemplate } from "./transform.js";

const plain = (text: string, file = "template.yaml"): TemplateDocument => {
  const { root, error } = parseYamlTree(text);
  if (!root) throw new Error(error?.message);
  return { file, origin: "cloudformation", root };
};
const sam = (body: string) => plain(`Transform: AWS::Serverless-2016-10-31\n${body}`);
const resource = (doc: TemplateDocument, id: string) => member(member(doc.root, "Resources"), id);
const value = (node: JsonNode | undefined) => (node ? jsonNodeToValue(node) : undefined);
const props = (doc: TemplateDocument, id: string) => value(member(resource(doc, id), "Properties"));

const BASE = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: s3://code/fn.zip
`;

describe("expandSam: functions and generated roles", () => {
  it("turns a function into AWS::Lambda::Function plus a role Lambda can assume", () => {
    const { document, diagnostics } = expandSam(sam(BASE));
    expect(diagnostics).toEqual([]);
    expect(document.origin).toBe("sam");
    expect(member(document.root, "Transform")).toBeUndefined();
    expect(value(member(resource(document, "Fn"), "Type"))).toBe("AWS::Lambda::Function");
    expect(props(document, "Fn")).toEqual({
      Handler: "index.handler",
      Runtime: "nodejs20.x",
      Code: { S3Bucket: "code", S3Key: "fn.zip" },
      Role: { "Fn::GetAtt": ["FnRole", "Arn"] },
      Tags: [{ Key: "lambda:createdBy", Value: "SAM" }],
    });
    expect(value(member(resource(document, "FnRole"), "Type"))).toBe("AWS::IAM::Role");
    expect(props(document, "FnRole")).toEqual({
      AssumeRolePolicyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Action: ["sts:AssumeRole"],
            Effect: "Allow",
            Principal: { Service: ["lambda.amazonaws.com"] },
          },
        ],
      },
      ManagedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      Tags: [{ Key: "lambda:createdBy", Value: "SAM" }],
    });
  });

  it("adds the VPC access policy and sorts Policies into managed, inline and template policies", () => {
    const { document, diagnostics } = expandSam(
      sam(`${BASE}      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-1]
      Policies:
        - SecretsManagerReadWrite
        - arn:aws:iam::123456789012:policy/custom
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: "*"
        - EFSWriteAccessPolicy:
            FileSystem: { Ref: Fs }
            AccessPoint: { Ref: Ap }
        - AWSSecretsManagerGetSecretValuePolicy:
            SecretArn: { Ref: Secret }
        - VPCAccessPolicy: {}
        - { Ref: ExtraPolicy }
        - AWSLambdaBasicExecutionRole
`),
    );
    expect(diagnostics).toEqual([]);
    const role = props(document, "FnRole") as Record<string, unknown>;
    expect(role.ManagedPolicyArns).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
      "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
      "arn:aws:iam::123456789012:policy/custom",
      { Ref: "ExtraPolicy" },
    ]);
    expect(role.Policies).toEqual([
      {
        PolicyName: "FnRolePolicy2",
        PolicyDocument: {
          Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
        },
      },
      {
        PolicyName: "FnRolePolicy3",
        PolicyDocument: {
          Statement: [
            {
              Effect: "Allow",
              Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
              Resource: {
                "Fn::Sub": [
                  "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/${FileSystem}",
                  { FileSystem: { Ref: "Fs" } },
                ],
              },
              Condition: {
                StringEquals: {
                  "elasticfilesystem:AccessPointArn": {
                    "Fn::Sub": [
                      "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:access-point/${AccessPoint}",
                      { AccessPoint: { Ref: "Ap" } },
                    ],
                  },
                },
              },
            },
          ],
        },
      },
      {
        PolicyName: "FnRolePolicy4",
        PolicyDocument: {
          Statement: [
            {
              Effect: "Allow",
              Action: ["secretsmanager:GetSecretValue"],
              Resource: { "Fn::Sub": ["${secretArn}", { secretArn: { Ref: "Secret" } }] },
            },
          ],
        },
      },
      {
        PolicyName: "FnRolePolicy5",
        PolicyDocument: {
          Statement: [
            {
              Effect: "Allow",
              Action: [
                "ec2:CreateNetworkInterface",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DetachNetworkInterface",
              ],
              Resource: "*",
            },
          ],
        },
      },
    ]);
  });

  it("keeps a given Role, generates no role and warns that Policies are ignored", () => {
    const { document, diagnostics } = expandSam(
      sam(`${BASE}      Role: arn:aws:iam::123456789012:role/deploy
      Policies: [SecretsManagerReadWrite]
`),
    );
    expect(resource(document, "FnRole")).toBeUndefined();
    expect((props(document, "Fn") as Record<string, unknown>).Role).toBe(
      "arn:aws:iam::123456789012:role/deploy",
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["sam-policies-ignored"]);
  });

  it("carries FileSystemConfigs, VpcConfig, Environment and attributes with their positions", () => {
    const doc = sam(`${BASE}      FileSystemConfigs:
        - Arn: { "Fn::GetAtt": [AccessPoint, Arn] }
          LocalMountPath: /mnt/data
      Environment:
        Variables: { MODE: write }
      MemorySize: 512
      Timeout: 30
    DependsOn: MountTarget
    Metadata: { accesslab: { ignore: [] } }
`);
    const { document } = expandSam(doc);
    const p = props(document, "Fn") as Record<string, unknown>;
    expect(p.FileSystemConfigs).toEqual([
      { Arn: { "Fn::GetAtt": ["AccessPoint", "Arn"] }, LocalMountPath: "/mnt/data" },
    ]);
    expect(p.Environment).toEqual({ Variables: { MODE: "write" } });
    expect([p.MemorySize, p.Timeout]).toEqual([512, 30]);
    expect(value(member(resource(document, "Fn"), "DependsOn"))).toBe("MountTarget");
    expect(value(member(resource(document, "Fn"), "Metadata"))).toEqual({
      accesslab: { ignore: [] },
    });
    const fsc = member(member(resource(document, "Fn"), "Properties"), "FileSystemConfigs");
    expect(fsc?.position).toEqual({ line: 10, column: 9 });
    expect(member(member(resource(document, "Fn"), "Properties"), "Handler")?.position).toEqual({
      line: 6,
      column: 16,
    });
  });

  it("points generated resources at the AWS::Serverless::Function they came from", () => {
    const { document } = expandSam(sam(BASE));
    const resources = member(document.root, "Resources");
    const entries = resources?.kind === "object" ? resources.entries : [];
    expect(entries.map((e) => e.key)).toEqual(["Fn", "FnRole"]);
    const [fn, role] = entries;
    expect(role?.keyPosition).toEqual(fn?.keyPosition);
    expect(role?.keyPosition).toEqual({ line: 3, column: 3 });
    expect(role?.value.position).toEqual({ line: 4, column: 5 });
    const trust = member(member(role?.value, "Properties"), "AssumeRolePolicyDocument");
    const statement = member(trust, "Statement");
    expect(statement?.kind === "array" && statement.items[0]?.position).toEqual({
      line: 4,
      column: 5,
    });
    const code = member(member(fn?.value, "Properties"), "Code");
    expect(code?.position).toEqual({ line: 8, column: 16 });
  });

  it("keeps inline policy statements at the line where they were written", () => {
    const { document } = expandSam(
      sam(`${BASE}      Policies:
        - EFSWriteAccessPolicy:
            FileSystem: { Ref: Fs }
            AccessPoint: { Ref: Ap }
`),
    );
    const policies = member(member(resource(document, "FnRole"), "Properties"), "Policies");
    const first = policies?.kind === "array" ? policies.items[0] : undefined;
    expect(first?.position).toEqual({ line: 10, column: 11 });
    const fs = JSON.stringify(first);
    expect(fs).toContain('"line":11');
  });
});

describe("expandSam: Globals", () => {
  it("merges Globals.Function: local primitives win, maps merge, lists concatenate", () => {
    const { document, diagnostics } = expandSam(
      sam(`Globals:
  Function:
    Runtime: python3.12
    Timeout: 10
    Environment:
      Variables: { TABLE: t, STAGE: dev }
    Layers: [layer-a]
    VpcConfig:
      SubnetIds: [subnet-1]
      SecurityGroupIds: [sg-global]
${BASE}      Timeout: 20
      Environment:
        Variables: { STAGE: prod }
      Layers: [layer-b]
      VpcConfig:
        SecurityGroupIds: [sg-local]
  Other:
    Type: AWS::Serverless::Function
    IgnoreGlobals: "*"
    Properties:
      Handler: h
      Runtime: nodejs20.x
      CodeUri: s3://code/other.zip
`),
    );
    expect(diagnostics).toEqual([]);
    const p = props(document, "Fn") as Record<string, unknown>;
    expect(p.Runtime).toBe("nodejs20.x");
    expect(p.Timeout).toBe(20);
    expect(p.Environment).toEqual({ Variables: { TABLE: "t", STAGE: "prod" } });
    expect(p.Layers).toEqual(["layer-a", "layer-b"]);
    expect(p.VpcConfig).toEqual({
      SubnetIds: ["subnet-1"],
      SecurityGroupIds: ["sg-global", "sg-local"],
    });
    expect((props(document, "FnRole") as Record<string, unknown>).ManagedPolicyArns).toContain(
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    );
    const other = props(document, "Other") as Record<string, unknown>;
    expect(other.Timeout).toBeUndefined();
    expect(other.VpcConfig).toBeUndefined();
    expect(member(document.root, "Globals")).toBeUndefined();
  });

  it("reports an unsupported Globals property with SAM's words and its position", () => {
    const { diagnostics } = expandSam(sam(`Globals:\n  Function:\n    Policies: [x]\n${BASE}`));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "sam-invalid-globals",
        message:
          "'Globals' section is invalid. 'Policies' is not a supported property of 'Function'",
        file: "template.yaml",
        position: { line: 4, column: 5 },
      },
    ]);
  });
});

describe("expandSam: what is not modelled", () => {
  it("records events, warns for each, and adds the SQS execution policy", () => {
    const { events, diagnostics, document } = expandSam(
      sam(`${BASE}      Events:
        Upload:
          Type: S3
          Properties: { Bucket: { Ref: B }, Events: s3:ObjectCreated:* }
        Queue:
          Type: SQS
          Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:q }
`),
    );
    expect(events).toEqual([
      { functionLogicalId: "Fn", name: "Upload", type: "S3", position: { line: 10, column: 9 } },
      { functionLogicalId: "Fn", name: "Queue", type: "SQS", position: { line: 13, column: 9 } },
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.position?.line])).toEqual([
      ["sam-event-not-modelled", "warning", 10],
      ["sam-event-not-modelled", "warning", 13],
    ]);
    expect((props(document, "FnRole") as Record<string, unknown>).ManagedPolicyArns).toContain(
      "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
    );
    expect((props(document, "Fn") as Record<string, unknown>).Events).toBeUndefined();
  });

  it("leaves SimpleTable, Api and unknown SAM types out with warnings, keeps plain resources", () => {
    const { document, diagnostics } = expandSam(
      sam(`${BASE}  Table:
    Type: AWS::Serverless::SimpleTable
  Rest:
    Type: AWS::Serverless::Api
  Odd:
    Type: AWS::Serverless::Thing
  Fs:
    Type: AWS::EFS::FileSystem
`),
    );
    expect(diagnostics.map((d) => [d.code, d.logicalId])).toEqual([
      ["sam-resource-not-modelled", "Table"],
      ["sam-resource-not-modelled", "Rest"],
      ["sam-unknown-resource-type", "Odd"],
    ]);
    const resources = member(document.root, "Resources");
    expect(resources?.kind === "object" && resources.entries.map((e) => e.key)).toEqual([
      "Fn",
      "FnRole",
      "Fs",
    ]);
  });

  it("reports a policy it cannot read and a template without its parameters, and goes on", () => {
    const { document, diagnostics } = expandSam(
      sam(`${BASE}      Policies:
        - 42
        - EFSWriteAccessPolicy: { FileSystem: fs-1 }
        - DynamoDBCrudPolicy: { TableName: t }
`),
    );
    expect(diagnostics.map((d) => [d.code, d.message, d.position?.line])).toEqual([
      ["sam-invalid-policy", "Policy at index 0 in the 'Policies' property is not valid", 10],
      [
        "sam-invalid-policy",
        "Following required parameters of template 'EFSWriteAccessPolicy' don't have values: ['AccessPoint']",
        11,
      ],
      [
        "sam-policy-template-not-modelled",
        "policy template `DynamoDBCrudPolicy` is not modelled by accesslab; the role is checked without it",
        12,
      ],
    ]);
    expect(resource(document, "FnRole")).toBeDefined();
  });

  it("warns about function properties whose generated resources are not created", () => {
    const { diagnostics } = expandSam(sam(`${BASE}      AutoPublishAlias: live\n`));
    expect(diagnostics.map((d) => [d.code, d.logicalId])).toEqual([
      ["sam-property-not-modelled", "Fn"],
    ]);
  });

  it("reports Properties that are not a map instead of throwing", () => {
    const { diagnostics, document } = expandSam(
      sam("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n"),
    );
    expect(diagnostics[0]).toMatchObject({
      code: "sam-invalid-resource",
      severity: "error",
      position: { line: 4, column: 5 },
    });
    expect(resource(document, "Fn")).toBeUndefined();
  });
});

describe("expandSam: documents", () => {
  it("returns a document without the SAM transform unchanged", () => {
    const doc = plain(BASE);
    expect(isSamTemplate(doc)).toBe(false);
    expect(expandSam(doc).document).toBe(doc);
  });

  it("keeps other transforms listed next to SAM's", () => {
    const doc = plain(`Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n${BASE}`);
    expect(isSamTemplate(doc)).toBe(true);
    expect(value(member(expandSam(doc).document.root, "Transform"))).toEqual([
      "AWS::LanguageExtensions",
    ]);
  });

  it("records a local CodeUri under the local-code marker", () => {
    const { document, localCode } = expandSam(
      sam(BASE.replace("s3://code/fn.zip", "src/handler/")),
    );
    expect(localCode).toEqual([
      { logicalId: "Fn", path: "src/handler/", position: { line: 4, column: 5 } },
    ]);
    expect((props(document, "Fn") as Record<string, unknown>).Code).toEqual({
      S3Bucket: "accesslab-local-code",
      S3Key: "src/handler/",
    });
  });
});
