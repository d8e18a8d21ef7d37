import { describe, expect, it } from "vitest";
import type { LambdaFunction } from "../../services/lambda/model.js";
import { lambdaEnvironment, logGroupName, logStreamName } from "./environment.js";

const fn: LambdaFunction = {
  functionName: "app",
  functionArn: "arn:aws:lambda:us-east-1:000000000000:function:app",
  runtime: "nodejs22.x",
  role: "arn:aws:iam::000000000000:role/app",
  handler: "src/index.handler",
  description: "",
  timeout: 3,
  memorySize: 512,
  lastModifiedMs: 0,
  codeSha256: "x",
  codeSize: 1,
  environment: { MINE: "1", AWS_REGION: "eu-west-1", TZ: "Europe/Paris" },
  fileSystemConfigs: [],
  architectures: ["x86_64"],
  tags: {},
  revisionId: "r",
};

const credentials = {
  accessKeyId: "ASIAX",
  secretAccessKey: "s",
  sessionToken: "t",
  expiration: 0,
};

describe("lambdaEnvironment", () => {
  const env = lambdaEnvironment({
    fn,
    region: "us-east-1",
    taskRoot: "/tmp/code/abc",
    endpoint: "http://127.0.0.1:4566",
    credentials,
    logStreamName: "2024/01/01/[$LATEST]0",
    runtimeDir: "/opt/accesslab",
  });

  it("sets Lambda's reserved variables over the function's own", () => {
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: "app",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "512",
      AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/app",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      LAMBDA_TASK_ROOT: "/tmp/code/abc",
      AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x",
      _HANDLER: "src/index.handler",
      AWS_ACCESS_KEY_ID: "ASIAX",
      AWS_SECRET_ACCESS_KEY: "s",
      AWS_SESSION_TOKEN: "t",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      MINE: "1",
    });
  });

  it("lets the function override the unreserved defaults and leaks nothing else", () => {
    expect(env.TZ).toBe("Europe/Paris");
    expect(env.NODE_PATH?.endsWith("/tmp/code/abc")).toBe(true);
    expect(Object.keys(env)).not.toContain("VITEST");
  });

  it("names log groups and streams as Lambda does", () => {
    expect(logGroupName("app")).toBe("/aws/lambda/app");
    expect(logStreamName(new Date(Date.UTC(2024, 1, 3)), "ab")).toBe("2024/02/03/[$LATEST]ab");
  });
});
