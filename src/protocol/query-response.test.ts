/**
 * Acceptance for query-protocol responses: the XML accesslab renders is fed
 * to the real AWS SDK v3 clients (STS, IAM, EC2) as the HTTP answer, and the
 * parsed output must carry every field, list, map and date. One test goes
 * over a real loopback socket: SDK → node server → `readRequest` →
 * `verifySigV4` → `renderQueryResponse` → `writeResponse` → SDK.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  IAMClient,
  SimulateCustomPolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { renderError } from "./error-response.js";
import { readRequest, writeResponse } from "./node-http.js";
import { renderQueryResponse, renderQueryXml } from "./query-response.js";
import { captureRequests } from "./sdk-capture.test-support.js";
import { verifySigV4 } from "./sigv4.js";

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const base = {
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4566",
  credentials,
  maxAttempts: 1,
};

describe("query responses parsed by the real SDK", () => {
  it("STS GetCallerIdentity", async () => {
    const capture = captureRequests(() =>
      renderQueryResponse({
        service: "sts",
        operation: "GetCallerIdentity",
        result: { UserId: "AIDA1", Account: "000000000000", Arn: "arn:aws:iam::000000000000:root" },
        requestId: "req-1",
      }),
    );
    const sts = new STSClient({ ...base, requestHandler: capture.requestHandler });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      UserId: "AIDA1",
      Account: "000000000000",
      Arn: "arn:aws:iam::000000000000:root",
    });
    expect(out.$metadata.requestId).toBe("req-1");
  });

  it("IAM CreateRole with tags, a date and escaped text", async () => {
    const created = new Date("2024-05-01T12:34:56Z");
    const capture = captureRequests(() =>
      renderQueryResponse({
        service: "iam",
        operation: "CreateRole",
        result: {
          Role: {
            Path: "/",
            RoleName: "app",
            RoleId: "AROA123",
            Arn: "arn:aws:iam::000000000000:role/app",
            CreateDate: created,
            Description: `a <b> & "c"`,
            Tags: [
              { Key: "team", Value: "x&y" },
              { Key: "env", Value: "dev" },
            ],
          },
        },
        requestId: "req-2",
      }),
    );
    const iam = new IAMClient({ ...base, requestHandler: capture.requestHandler });
    const out = await iam.send(
      new CreateRoleCommand({ RoleName: "app", AssumeRolePolicyDocument: "{}" }),
    );
    expect(out.Role?.CreateDate?.getTime()).toBe(created.getTime());
    expect(out.Role?.Description).toBe(`a <b> & "c"`);
    expect(out.Role?.Tags).toEqual([
      { Key: "team", Value: "x&y" },
      { Key: "env", Value: "dev" },
    ]);
  });

  it("IAM DeleteRole without a Result element", async () => {
    const capture = captureRequests(() =>
      renderQueryResponse({
        service: "iam",
        operation: "DeleteRole",
        result: undefined,
        requestId: "r",
      }),
    );
    const iam = new IAMClient({ ...base, requestHandler: capture.requestHandler });
    const out = await iam.send(new DeleteRoleCommand({ RoleName: "app" }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(
      renderQueryXml({
        service: "iam",
        operation: "DeleteRole",
        result: undefined,
        requestId: "r",
      }),
    ).not.toContain("DeleteRoleResult");
  });

  it("IAM SimulateCustomPolicy with a map (EvalDecisionDetails)", async () => {
    const capture = captureRequests(() =>
      renderQueryResponse({
        service: "iam",
        operation: "SimulateCustomPolicy",
        result: {
          EvaluationResults: [
            {
              EvalActionName: "s3:GetObject",
              EvalResourceName: "*",
              EvalDecision: "explicitDeny",
              MatchedStatements: [{ SourcePolicyId: "PolicyInputList.1" }],
              EvalDecisionDetails: new Map([["IAM Policy", "explicitDeny"]]),
            },
          ],
          IsTruncated: false,
        },
        requestId: "r",
      }),
    );
    const iam = new IAMClient({ ...base, requestHandler: capture.requestHandler });
    const out = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: ["{}"], ActionNames: ["s3:GetObject"] }),
    );
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: "explicitDeny",
      MatchedStatements: [{ SourcePolicyId: "PolicyInputList.1" }],
      EvalDecisionDetails: { "IAM Policy": "explicitDeny" },
    });
  });

  it("EC2 DescribeSubnets with <item> lists and no Result wrapper", async () => {
    const capture = captureRequests(() =>
      renderQueryResponse({
        service: "ec2",
        operation: "DescribeSubnets",
        result: {
          subnetSet: [
            {
              subnetId: "subnet-1",
              vpcId: "vpc-1",
              cidrBlock: "10.0.1.0/24",
              availabilityZone: "us-east-1a",
              availableIpAddressCount: 251,
              defaultForAz: false,
              tagSet: [{ key: "Name", value: "a" }],
            },
            { subnetId: "subnet-2", vpcId: "vpc-1", cidrBlock: "10.0.2.0/24" },
          ],
        },
        requestId: "ec2-req",
      }),
    );
    const ec2 = new EC2Client({ ...base, requestHandler: capture.requestHandler });
    const out = await ec2.send(new DescribeSubnetsCommand({}));
    expect(out.Subnets).toEqual([
      {
        SubnetId: "subnet-1",
        VpcId: "vpc-1",
        CidrBlock: "10.0.1.0/24",
        AvailabilityZone: "us-east-1a",
        AvailableIpAddressCount: 251,
        DefaultForAz: false,
        Tags: [{ Key: "Name", Value: "a" }],
      },
      { SubnetId: "subnet-2", VpcId: "vpc-1", CidrBlock: "10.0.2.0/24" },
    ]);
    expect(out.$metadata.requestId).toBe("ec2-req");
  });
});

describe("over a loopback socket", () => {
  it("verifies the SDK's signature from node's IncomingMessage and answers it", async () => {
    const server = createServer(async (message, res) => {
      const request = await readRequest(message);
      const verified = await verifySigV4(request, {
        lookup: (id) => (id === "test" ? { secretAccessKey: "test" } : undefined),
        now: () => new Date(),
      });
      writeResponse(
        res,
        verified.ok
          ? renderQueryResponse({
              service: "sts",
              operation: "GetCallerIdentity",
              result: {
                Account: "000000000000",
                Arn: `arn:aws:iam::000000000000:${verified.service}`,
              },
              requestId: "live",
            })
          : renderError(verified.error, { format: "query", requestId: "live", service: "sts" }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const endpoint = `http://127.0.0.1:${port}`;
      const sts = new STSClient({ ...base, endpoint });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
        "arn:aws:iam::000000000000:sts",
      );
      const wrong = new STSClient({
        ...base,
        endpoint,
        credentials: { accessKeyId: "test", secretAccessKey: "nope" },
      });
      await expect(wrong.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
        name: "SignatureDoesNotMatch",
        $metadata: { httpStatusCode: 403 },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
