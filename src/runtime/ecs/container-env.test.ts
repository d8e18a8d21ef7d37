import { describe, expect, it } from "vitest";
import { commandLine } from "./command-line.js";
import { containerEnvironment } from "./container-env.js";
import { dockerExitCode } from "./container-process.js";

const container = {
  definition: { name: "app", image: "x", essential: true },
  environment: { GREETING: "hi", AWS_REGION: "eu-west-1" },
};

describe("containerEnvironment", () => {
  it("sets the FULL_URI form with its token, the endpoint and a closed IMDS port, and no RELATIVE_URI", () => {
    const env = containerEnvironment({
      container,
      taskId: "0123456789abcdef0123456789abcdef",
      region: "us-east-1",
      delivery: { kind: "loopback", endpoint: "http://127.0.0.1:4566/", closedPort: 40000 },
      credentials: { id: "abc", authorizationToken: "tok" },
      home: "/home/appuser",
    });
    expect(env).toMatchObject({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:4566/v2/credentials/abc",
      AWS_CONTAINER_AUTHORIZATION_TOKEN: "tok",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566/",
      AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:40000",
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "us-east-1",
      GREETING: "hi",
      HOME: "/home/appuser",
    });
    expect(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).toBeUndefined();
  });

  it("sets no credentials variables for a task without a role", () => {
    const env = containerEnvironment({
      container,
      taskId: "0123456789abcdef0123456789abcdef",
      region: "us-east-1",
      delivery: { kind: "loopback", endpoint: "http://127.0.0.1:4566", closedPort: 1 },
      home: "/",
    });
    expect(Object.keys(env).filter((k) => k.startsWith("AWS_CONTAINER"))).toEqual([]);
  });

  it("in a task network sets only RELATIVE_URI, as ECS does, and the namespace's endpoint", () => {
    const env = containerEnvironment({
      container,
      taskId: "0123456789abcdef0123456789abcdef",
      region: "us-east-1",
      delivery: { kind: "task-network", apiPort: 4566 },
      credentials: { id: "abc", authorizationToken: "tok" },
      home: "/root",
    });
    expect(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).toBe("/v2/credentials/abc");
    expect(env.AWS_ENDPOINT_URL).toBe("http://127.0.0.1:4566");
    expect(Object.keys(env).filter((k) => /FULL_URI|TOKEN|METADATA/.test(k))).toEqual([]);
  });

  it("in a task network without a role sets no credentials variable", () => {
    const env = containerEnvironment({
      container,
      taskId: "0123456789abcdef0123456789abcdef",
      region: "us-east-1",
      delivery: { kind: "task-network", apiPort: 9 },
      home: "/",
    });
    expect(Object.keys(env).filter((k) => k.startsWith("AWS_CONTAINER"))).toEqual([]);
    expect(env.AWS_ENDPOINT_URL).toBe("http://127.0.0.1:9");
  });
});

describe("commandLine and exit codes", () => {
  it("appends the command to the entry point, exec form, no shell", () => {
    expect(commandLine(["python3", "-u"], ["app.py"])).toEqual({
      ok: true,
      argv: ["python3", "-u", "app.py"],
    });
    expect(commandLine(undefined, undefined)).toEqual({
      ok: false,
      reason: "CannotStartContainerError: no command specified",
    });
  });

  it("reports signals as 128 + their number, as Docker does", () => {
    expect(dockerExitCode(null, "SIGKILL")).toBe(137);
    expect(dockerExitCode(null, "SIGTERM")).toBe(143);
    expect(dockerExitCode(3, null)).toBe(3);
  });
});
