import { describe, expect, it } from "vitest";
import { parseCloudFormation } from "../cfn/parse-template.js";
import { resolveTemplate } from "../cfn/resolve-template.js";
import { expandSam } from "./transform.js";

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
Resources:
  Fs:
    Type: AWS::EFS::FileSystem
  Ap:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref Fs
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: s3://code/worker.zip
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-1]
      FileSystemConfigs:
        - Arn: !GetAtt Ap.Arn
          LocalMountPath: /mnt/data
      Policies:
        - EFSWriteAccessPolicy:
            FileSystem: !Ref Fs
            AccessPoint: !Ref Ap
`;

describe("SAM expansion through the CloudFormation resolver", () => {
  it("gives a function that depends on its generated role and a role whose policy names the file system", () => {
    const parsed = parseCloudFormation(TEMPLATE, "template.yaml");
    expect(parsed.diagnostics).toEqual([]);
    if (!parsed.document) throw new Error("template not parsed");
    const expanded = expandSam(parsed.document);
    expect(expanded.diagnostics).toEqual([]);
    const template = resolveTemplate(expanded.document);
    expect(template.diagnostics).toEqual([]);
    expect(template.origin).toBe("sam");
    const byId = new Map(template.resources.map((r) => [r.logicalId, r]));
    const fn = byId.get("Worker");
    const role = byId.get("WorkerRole");
    expect([fn?.type, role?.type]).toEqual(["AWS::Lambda::Function", "AWS::IAM::Role"]);
    expect(fn?.dependsOn).toEqual(expect.arrayContaining(["WorkerRole", "Ap"]));
    expect(role?.dependsOn).toEqual(expect.arrayContaining(["Fs", "Ap"]));
    expect(role?.position).toEqual(fn?.position);
    expect(fn?.position).toEqual({ line: 13, column: 3 });
    const lookup = (id: string, attribute?: string) =>
      attribute === "Arn" ? `arn:of:${id}` : `${id.toLowerCase()}-1`;
    expect(fn?.properties(lookup)).toMatchObject({
      Runtime: "nodejs20.x",
      Role: "arn:of:WorkerRole",
      FileSystemConfigs: [{ Arn: "arn:of:Ap", LocalMountPath: "/mnt/data" }],
    });
    const policies = role?.properties(lookup).Policies as unknown as {
      PolicyDocument: { Statement: { Resource: string; Condition: unknown }[] };
    }[];
    expect(policies[0]?.PolicyDocument.Statement[0]).toMatchObject({
      Resource: "arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-1",
      Condition: {
        StringEquals: {
          "elasticfilesystem:AccessPointArn":
            "arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/ap-1",
        },
      },
    });
    expect(fn?.positionOf(["FileSystemConfigs", 0, "Arn"])?.line).toBe(22);
  });
});
