/**
 * Acceptance for error bodies: each wire format's rendering is returned to a
 * real SDK v3 client, which must raise its own modelled exception class with
 * the code, message, status and fault accesslab meant.
 */
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeFileSystemPolicyCommand, EFSClient, PolicyNotFound } from "@aws-sdk/client-efs";
import { GetRoleCommand, IAMClient, NoSuchEntityException } from "@aws-sdk/client-iam";
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { renderError } from "./error-response.js";
import { internalFailure, ProtocolError } from "./errors.js";
import { captureRequests } from "./sdk-capture.test-support.js";
import type { WireFormat } from "./wire-format.js";

const base = {
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4566",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
};

function answering(error: ProtocolError, format: WireFormat, service: string) {
  return captureRequests(() => renderError(error, { format, requestId: "err-1", service }))
    .requestHandler;
}

describe("error responses parsed by the real SDK", () => {
  it("query (IAM): modelled exception, Sender fault, namespace", async () => {
    const error = new ProtocolError("NoSuchEntity", 404, "The role with name app cannot be found.");
    const iam = new IAMClient({ ...base, requestHandler: answering(error, "query", "iam") });
    const thrown = await iam.send(new GetRoleCommand({ RoleName: "app" })).catch((e) => e);
    expect(thrown).toBeInstanceOf(NoSuchEntityException);
    expect(thrown).toMatchObject({
      name: "NoSuchEntityException",
      message: "The role with name app cannot be found.",
      $fault: "client",
      $metadata: { httpStatusCode: 404, requestId: "err-1" },
    });
    const xml = renderError(error, { format: "query", requestId: "r", service: "iam" }).body;
    expect(xml).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(xml).toContain("<Type>Sender</Type>");
  });

  it("ec2: <Response><Errors> with an unmodelled code", async () => {
    const error = new ProtocolError(
      "InvalidSubnetID.NotFound",
      400,
      "The subnet ID 'subnet-1' does not exist",
    );
    const ec2 = new EC2Client({ ...base, requestHandler: answering(error, "ec2", "ec2") });
    const thrown = await ec2.send(new DescribeSubnetsCommand({})).catch((e) => e);
    expect(thrown).toMatchObject({
      name: "InvalidSubnetID.NotFound",
      message: "The subnet ID 'subnet-1' does not exist",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("json 1.1 (Secrets Manager): modelled exception, Message read as message", async () => {
    const error = new ProtocolError(
      "ResourceNotFoundException",
      400,
      "Secrets Manager can't find the specified secret.",
    );
    const sm = new SecretsManagerClient({
      ...base,
      requestHandler: answering(error, "json", "secretsmanager"),
    });
    const thrown = await sm.send(new GetSecretValueCommand({ SecretId: "x" })).catch((e) => e);
    expect(thrown).toBeInstanceOf(ResourceNotFoundException);
    expect(thrown.message).toBe("Secrets Manager can't find the specified secret.");
  });

  it("rest-json (EFS): PolicyNotFound with ErrorCode and Message", async () => {
    const error = new ProtocolError("PolicyNotFound", 404, "No policy");
    const efs = new EFSClient({ ...base, requestHandler: answering(error, "rest-json", "efs") });
    const thrown = await efs
      .send(new DescribeFileSystemPolicyCommand({ FileSystemId: "fs-0123456789abcdef0" }))
      .catch((e) => e);
    expect(thrown).toBeInstanceOf(PolicyNotFound);
    expect(thrown).toMatchObject({ ErrorCode: "PolicyNotFound", message: "No policy" });
  });

  it("extra error members join JSON bodies and never XML ones", () => {
    const error = Object.assign(new ProtocolError("FileSystemAlreadyExists", 409, "exists"), {
      fields: { FileSystemId: "fs-0123456789abcdef0" },
    });
    const rest = JSON.parse(renderError(error, { format: "rest-json", requestId: "r" }).body);
    expect(rest).toEqual({
      FileSystemId: "fs-0123456789abcdef0",
      ErrorCode: "FileSystemAlreadyExists",
      Message: "exists",
    });
    const json = JSON.parse(renderError(error, { format: "json", requestId: "r" }).body);
    expect(json.FileSystemId).toBe("fs-0123456789abcdef0");
    const xml = renderError(error, { format: "query", requestId: "r" }).body;
    expect(xml).not.toContain("fs-0123456789abcdef0");
  });

  it("internal failures are server faults", async () => {
    const iam = new IAMClient({
      ...base,
      requestHandler: answering(internalFailure(), "query", "iam"),
    });
    const thrown = await iam.send(new GetRoleCommand({ RoleName: "a" })).catch((e) => e);
    expect(thrown).toMatchObject({ name: "InternalFailure", $fault: "server" });
    const xml = renderError(internalFailure(), { format: "query", requestId: "r" }).body;
    expect(xml).toContain("<Type>Receiver</Type>");
  });
});
