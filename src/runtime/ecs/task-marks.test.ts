import { describe, expect, it } from "vitest";
import { containerEnvironment } from "./container-env.js";
import { carriesTaskMarks } from "./task-marks.js";

const taskId = "0f3c1a2b9e8d7c6b5a4f3e2d1c0b9a88";
const environ = (env: Record<string, string>) =>
  Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join("\0");
const container = { definition: { name: "app", image: "x", essential: true }, environment: {} };

describe("carriesTaskMarks", () => {
  it("recognises the environments container-env builds, in both deliveries", () => {
    const credentials = { id: "c0ffee", authorizationToken: "t" };
    const inNamespace = containerEnvironment({
      container,
      taskId,
      region: "us-east-1",
      delivery: { kind: "task-network", apiPort: 4566 },
      credentials,
      home: "/root",
    });
    const onLoopback = containerEnvironment({
      container,
      taskId,
      region: "us-east-1",
      delivery: { kind: "loopback", endpoint: "http://127.0.0.1:4566/", closedPort: 9 },
      credentials,
      home: "/root",
    });
    const roleless = containerEnvironment({
      container,
      taskId,
      region: "us-east-1",
      delivery: { kind: "task-network", apiPort: 4566 },
      home: "/root",
    });
    const marks = { taskId, credentialsId: "c0ffee" };
    expect(carriesTaskMarks(environ(inNamespace), marks)).toBe(true);
    expect(carriesTaskMarks(environ(onLoopback), marks)).toBe(true);
    expect(carriesTaskMarks(`${environ(roleless)}\0`, { taskId })).toBe(true);
  });

  it("refuses other tasks, other credentials and lookalikes", () => {
    const roleless = environ({ HOSTNAME: "ip-0f3c1a2b", AWS_EXECUTION_ENV: "AWS_ECS_FARGATE" });
    expect(carriesTaskMarks(roleless, { taskId: "1f3c1a2b9e8d7c6b5a4f3e2d1c0b9a88" })).toBe(false);
    expect(carriesTaskMarks(environ({ HOSTNAME: "ip-0f3c1a2b" }), { taskId })).toBe(false);
    // a task with a role is recognised by its credentials only
    expect(carriesTaskMarks(roleless, { taskId, credentialsId: "c0ffee" })).toBe(false);
    const other = environ({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/c0ffee00" });
    expect(carriesTaskMarks(other, { taskId, credentialsId: "c0ffee" })).toBe(false);
    const named = environ({ X: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/c0ffee" });
    expect(carriesTaskMarks(named, { taskId, credentialsId: "c0ffee" })).toBe(false);
    expect(carriesTaskMarks("", { taskId })).toBe(false);
  });
});
