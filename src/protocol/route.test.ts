/**
 * Routing of requests built and signed by the real SDK clients, one per
 * protocol, plus unsigned requests that must route by target, Version and
 * path alone.
 */
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeAccessPointsCommand, EFSClient } from "@aws-sdk/client-efs";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import type { HttpRequest } from "./http-request.js";
import { routeRequest } from "./route.js";
import { captureRequests } from "./sdk-capture.test-support.js";
import { authDialectOf } from "./sigv4-errors.js";
import { wireFormatOf } from "./wire-format.js";

const base = {
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4566",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
};

async function captured(
  send: (handler: ReturnType<typeof captureRequests>["requestHandler"]) => Promise<unknown>,
) {
  const capture = captureRequests();
  await send(capture.requestHandler).catch(() => undefined);
  return capture.requests[0] as HttpRequest;
}

describe("routeRequest on SDK requests", () => {
  it("routes each protocol", async () => {
    const sts = await captured((h) =>
      new STSClient({ ...base, requestHandler: h }).send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::000000000000:role/r",
          RoleSessionName: "s",
        }),
      ),
    );
    expect(routeRequest(sts)).toEqual({
      service: "sts",
      protocol: "query",
      operation: "AssumeRole",
    });

    const iam = await captured((h) =>
      new IAMClient({ ...base, requestHandler: h }).send(new GetRoleCommand({ RoleName: "r" })),
    );
    expect(routeRequest(iam)).toEqual({ service: "iam", protocol: "query", operation: "GetRole" });

    const ec2 = await captured((h) =>
      new EC2Client({ ...base, requestHandler: h }).send(new DescribeSubnetsCommand({})),
    );
    const ec2Route = routeRequest(ec2);
    expect(ec2Route).toEqual({ service: "ec2", protocol: "query", operation: "DescribeSubnets" });
    expect(ec2Route && wireFormatOf(ec2Route)).toBe("ec2");
    expect(ec2Route && authDialectOf(ec2Route)).toBe("ec2");

    const sm = await captured((h) =>
      new SecretsManagerClient({ ...base, requestHandler: h }).send(
        new GetSecretValueCommand({ SecretId: "s" }),
      ),
    );
    expect(routeRequest(sm)).toEqual({
      service: "secretsmanager",
      protocol: "json",
      operation: "GetSecretValue",
    });

    const efs = await captured((h) =>
      new EFSClient({ ...base, requestHandler: h }).send(new DescribeAccessPointsCommand({})),
    );
    const efsRoute = routeRequest(efs);
    expect(efsRoute).toEqual({ service: "efs", protocol: "rest-json" });
    expect(efsRoute && wireFormatOf(efsRoute)).toBe("rest-json");
  });
});

describe("routeRequest without a signature", () => {
  const request = (change: Partial<HttpRequest>): HttpRequest => ({
    method: "POST",
    path: "/",
    query: {},
    headers: {},
    body: new Uint8Array(),
    ...change,
  });
  const form = (text: string) =>
    request({
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new TextEncoder().encode(text),
    });

  it("uses X-Amz-Target prefixes", () => {
    expect(
      routeRequest(
        request({ headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.RunTask" } }),
      ),
    ).toEqual({ service: "ecs", protocol: "json", operation: "RunTask" });
    expect(
      routeRequest(
        request({
          headers: { "x-amz-target": "AWSSimbaAPIService_v20180301.DescribeFileSystems" },
        }),
      ),
    ).toEqual({ service: "fsx", protocol: "json", operation: "DescribeFileSystems" });
    expect(routeRequest(request({ headers: { "x-amz-target": "Unknown.Op" } }))).toBeUndefined();
  });

  it("uses Version= to name the query service", () => {
    expect(routeRequest(form("Action=GetCallerIdentity&Version=2011-06-15"))?.service).toBe("sts");
    expect(routeRequest(form("Action=ListRoles&Version=2010-05-08"))?.service).toBe("iam");
    expect(routeRequest(form("Action=CreateStack&Version=2010-05-15"))?.service).toBe(
      "cloudformation",
    );
    expect(
      routeRequest(
        request({ method: "GET", query: { Action: "DescribeVpcs", Version: "2016-11-15" } }),
      ),
    ).toEqual({ service: "ec2", protocol: "query", operation: "DescribeVpcs" });
    expect(routeRequest(form("Action=X"))).toBeUndefined();
    expect(routeRequest(form("Action=%zz"))).toBeUndefined();
  });

  it("uses the REST path", () => {
    expect(routeRequest(request({ method: "GET", path: "/2015-03-31/functions/f" }))).toEqual({
      service: "lambda",
      protocol: "rest-json",
    });
    expect(
      routeRequest(request({ method: "GET", path: "/2015-02-01/file-systems" }))?.service,
    ).toBe("efs");
    expect(routeRequest(request({ method: "GET", path: "/nothing" }))).toBeUndefined();
  });
});
