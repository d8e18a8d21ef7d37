/**
 * Query-protocol input parsing on bodies serialized by the real SDK: IAM
 * CreateRole with tags (member lists) and EC2 DescribeSubnets with filters
 * (flattened lists with nested value lists), plus maps and required params.
 */
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import type { HttpRequest } from "./http-request.js";
import { parseForm, queryMap, queryParams, requireParam, stringList, structList } from "./query.js";
import { captureRequests } from "./sdk-capture.test-support.js";

const base = {
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4566",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
};

describe("query parameters from SDK-serialized bodies", () => {
  it("IAM CreateRole: scalars with escapes and a Tags member list", async () => {
    const capture = captureRequests();
    const iam = new IAMClient({ ...base, requestHandler: capture.requestHandler });
    const doc =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    await iam
      .send(
        new CreateRoleCommand({
          RoleName: "app role+1",
          AssumeRolePolicyDocument: doc,
          Tags: [
            { Key: "team", Value: "a&b=c" },
            { Key: "ünï", Value: "100%" },
          ],
        }),
      )
      .catch(() => undefined);
    const params = queryParams(capture.requests[0] as HttpRequest);
    expect(params.get("Action")).toBe("CreateRole");
    expect(params.get("Version")).toBe("2010-05-08");
    expect(requireParam(params, "RoleName", "query")).toBe("app role+1");
    expect(params.get("AssumeRolePolicyDocument")).toBe(doc);
    const tags = structList(params, "Tags", "member", (p) => ({
      Key: params.get(`${p}.Key`),
      Value: params.get(`${p}.Value`),
    }));
    expect(tags).toEqual([
      { Key: "team", Value: "a&b=c" },
      { Key: "ünï", Value: "100%" },
    ]);
    expect(() => requireParam(params, "Path", "query")).toThrow(
      expect.objectContaining({
        code: "ValidationError",
        message:
          "1 validation error detected: Value null at 'path' failed to satisfy constraint: Member must not be null",
      }),
    );
  });

  it("EC2 DescribeSubnets: flattened Filter list with Value lists, SubnetId list", async () => {
    const capture = captureRequests();
    const ec2 = new EC2Client({ ...base, requestHandler: capture.requestHandler });
    await ec2
      .send(
        new DescribeSubnetsCommand({
          SubnetIds: ["subnet-1", "subnet-2"],
          Filters: [
            { Name: "vpc-id", Values: ["vpc-1"] },
            { Name: "tag:Name", Values: ["a", "b", "c"] },
          ],
        }),
      )
      .catch(() => undefined);
    const params = queryParams(capture.requests[0] as HttpRequest);
    expect(params.get("Action")).toBe("DescribeSubnets");
    expect(stringList(params, "SubnetId", "flat")).toEqual(["subnet-1", "subnet-2"]);
    const filters = structList(params, "Filter", "flat", (p) => ({
      Name: params.get(`${p}.Name`),
      Values: stringList(params, `${p}.Value`, "flat"),
    }));
    expect(filters).toEqual([
      { Name: "vpc-id", Values: ["vpc-1"] },
      { Name: "tag:Name", Values: ["a", "b", "c"] },
    ]);
    expect(() => requireParam(params, "VpcId", "ec2")).toThrow(
      expect.objectContaining({ code: "MissingParameter" }),
    );
  });
});

describe("query helpers", () => {
  it("refuses a form body over the limit with 413 before parsing it", () => {
    const form = (text: string): HttpRequest => ({
      method: "POST",
      path: "/",
      query: {},
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new TextEncoder().encode(text),
    });
    expect(queryParams(form("Action=GetRole"), 14).get("Action")).toBe("GetRole");
    expect(() => queryParams(form("Action=GetRoles"), 14)).toThrow(
      expect.objectContaining({ code: "RequestEntityTooLarge", httpStatus: 413 }),
    );
  });

  it("orders items by numeric index, reads maps, keeps the first duplicate", () => {
    const params = parseForm(
      "L.member.10=j&L.member.2=b&L.member.1=a&A.entry.1.key=k&A.entry.1.value=v&A.entry.2.key=k2&A.entry.2.value=v+2&X=1&X=2",
    );
    expect(stringList(params, "L", "member")).toEqual(["a", "b", "j"]);
    expect(queryMap(params, "A")).toEqual({ k: "v", k2: "v 2" });
    expect(params.get("X")).toBe("1");
    expect(() => parseForm("a=%zz")).toThrow(
      expect.objectContaining({ code: "MalformedQueryString" }),
    );
  });

  it("merges the URL query under a form body", () => {
    const request: HttpRequest = {
      method: "POST",
      path: "/",
      query: { Action: "GetRole", Extra: ["1", "2"] },
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: new TextEncoder().encode("Action=GetUser&UserName=u"),
    };
    const params = queryParams(request);
    expect(Object.fromEntries(params)).toEqual({ Action: "GetUser", Extra: "1", UserName: "u" });
  });
});
