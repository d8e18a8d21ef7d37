/**
 * ECS tasks end to end through the real `@aws-sdk/client-ecs`: task
 * definitions registered, described, listed and deregistered with ECS's
 * errors; RunTask starting local process trees with the container's
 * environment and ECS's credentials variables (RELATIVE_URI in a private
 * network namespace where the host allows one, else the loopback FULL_URI
 * form); the SDK v3 default
 * provider chain inside a task obtaining the task role's credentials and
 * calling STS through accesslab (the whoami example); a task role that
 * does not trust `ecs-tasks.amazonaws.com` stopping the task with ECS's
 * reason; StopTask killing the process group; and the container `user`
 * really applied when running as root.
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import {
  ClientException,
  ClusterNotFoundException,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  InvalidParameterException,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentReset } from "../../src/engines/posix/user-switch.js";
import { networkNamespaceSupport } from "../../src/runtime/ecs/netns/support.js";
import { runningGroupMembers } from "../../src/runtime/process/proc-stat.js";
import { startTestServer, type TestServer } from "../serve/harness.js";
import {
  containerText,
  exampleDefinition,
  runDefinition,
  seedWhoami,
  type Whoami,
  waitForStatus,
} from "./ecs-support.js";

let server: TestServer;
let ecs: ECSClient;
let whoami: Whoami;
const asRoot = process.platform === "linux" && process.getuid?.() === 0;
/** Whether tasks run in private network namespaces here (root on Linux with `unshare --net`). */
const taskNetworks = networkNamespaceSupport().ok;

beforeAll(async () => {
  server = await startTestServer();
  ecs = new ECSClient(server.config());
  whoami = await seedWhoami(server.iam(), new EC2Client(server.config()));
});
afterAll(() => server.close());

/** A one-container definition running `argv` (no awsvpc, so no network configuration is needed). */
function shellDefinition(family: string, argv: string[], more: Record<string, unknown> = {}) {
  return {
    family,
    taskRoleArn: whoami.taskRoleArn,
    containerDefinitions: [{ name: "main", image: "busybox", command: argv, ...more }],
  };
}

describe("task definitions", () => {
  it("registers revisions, describes the latest, lists and deregisters", async () => {
    const input = exampleDefinition("direct.json");
    const first = await ecs.send(new RegisterTaskDefinitionCommand(input));
    const second = await ecs.send(new RegisterTaskDefinitionCommand(input));
    expect(first.taskDefinition?.revision).toBe(1);
    expect(second.taskDefinition?.taskDefinitionArn).toBe(
      "arn:aws:ecs:us-east-1:000000000000:task-definition/whoami-direct:2",
    );
    expect(second.taskDefinition?.containerDefinitions?.[0]?.user).toBe("1001:1001");
    const latest = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "whoami-direct" }),
    );
    expect(latest.taskDefinition?.revision).toBe(2);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "whoami-direct:2" }));
    const after = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "whoami-direct" }),
    );
    expect(after.taskDefinition?.revision).toBe(1);
    const inactive = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: "whoami-direct", status: "INACTIVE" }),
    );
    expect(inactive.taskDefinitionArns).toEqual([second.taskDefinition?.taskDefinitionArn]);
    const third = await ecs.send(new RegisterTaskDefinitionCommand(input));
    expect(third.taskDefinition?.revision).toBe(3);
  });

  it("refuses definitions ECS refuses, with its codes", async () => {
    const noImage = ecs.send(
      new RegisterTaskDefinitionCommand({ family: "bad", containerDefinitions: [{ name: "x" }] }),
    );
    await expect(noImage).rejects.toBeInstanceOf(ClientException);
    await expect(noImage).rejects.toThrow("Container.image should not be null or empty.");
    const fargate = ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "bad",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        containerDefinitions: [{ name: "x", image: "busybox" }],
      }),
    );
    await expect(fargate).rejects.toThrow("Fargate only supports network mode 'awsvpc'.");
    await expect(
      ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "never-registered" })),
    ).rejects.toThrow("Unable to describe task definition.");
  });
});

describe("RunTask", () => {
  it("runs the container with its environment and ECS's credentials variables", async () => {
    const script =
      "const e = process.env; console.log(JSON.stringify({ full: e.AWS_CONTAINER_CREDENTIALS_FULL_URI, token: e.AWS_CONTAINER_AUTHORIZATION_TOKEN, relative: e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, greeting: e.GREETING, region: e.AWS_REGION, endpoint: e.AWS_ENDPOINT_URL, imds: e.AWS_EC2_METADATA_SERVICE_ENDPOINT })); process.exit(3)";
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand(
        shellDefinition("env-dump", ["node", "-e", script], {
          environment: [{ name: "GREETING", value: "from the definition" }],
        }),
      ),
    );
    const run = await ecs.send(
      new RunTaskCommand({
        taskDefinition: "env-dump",
        overrides: {
          containerOverrides: [
            { name: "main", environment: [{ name: "GREETING", value: "overridden" }] },
          ],
        },
      }),
    );
    const arn = run.tasks?.[0]?.taskArn ?? "";
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:task\/default\/[0-9a-f]{32}$/);
    expect(run.tasks?.[0]?.taskDefinitionArn).toBe(registered.taskDefinition?.taskDefinitionArn);
    const task = await waitForStatus(ecs, arn);
    expect(task.containers?.[0]?.exitCode).toBe(3);
    expect(task.stoppedReason).toBe("Essential container in task exited");
    expect(task.stopCode).toBe("EssentialContainerExited");
    const seen = JSON.parse((await containerText(server.running.endpoint, arn, "main")).trim());
    const id = arn.split("/").at(-1);
    expect(seen.greeting).toBe("overridden");
    expect(seen.region).toBe("us-east-1");
    if (taskNetworks) {
      // a private network namespace: exactly what ECS sets
      expect(seen.endpoint).toBe(`http://127.0.0.1:${server.running.port}`);
      expect(seen.relative).toMatch(/^\/v2\/credentials\/[0-9a-f-]{36}$/);
      expect([seen.full, seen.token, seen.imds]).toEqual([undefined, undefined, undefined]);
    } else {
      expect(seen.endpoint).toBe(server.running.endpoint);
      expect(seen.full).toMatch(
        new RegExp(`^${server.running.endpoint}/v2/credentials/[0-9a-f-]{36}$`),
      );
      expect(seen.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(seen.relative).toBeUndefined();
      expect(seen.imds).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("gives the SDK's default chain the task role's credentials (whoami, started directly)", async () => {
    const arn = await runDefinition(ecs, exampleDefinition("direct.json"), whoami.subnetId);
    const task = await waitForStatus(ecs, arn);
    const text = await containerText(server.running.endpoint, arn, "app");
    const taskId = arn.split("/").at(-1);
    expect(text).toContain(`arn:aws:sts::000000000000:assumed-role/whoami-task/${taskId}`);
    expect(text).toContain(asRoot ? "uid 1001:" : `uid ${process.getuid?.()}:`);
    expect(task.containers?.[0]?.exitCode).toBe(0);
  });

  it("stops a task whose role does not trust ecs-tasks.amazonaws.com, with ECS's reason", async () => {
    const input = {
      ...exampleDefinition("direct.json"),
      family: "whoami-untrusted",
      taskRoleArn: whoami.lambdaOnlyRoleArn,
    };
    const arn = await runDefinition(ecs, input, whoami.subnetId);
    const task = await waitForStatus(ecs, arn);
    expect(task.stopCode).toBe("TaskFailedToStart");
    expect(task.stoppedReason).toBe(
      `ECS was unable to assume the role '${whoami.lambdaOnlyRoleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`,
    );
    expect(task.containers?.[0]?.exitCode).toBeUndefined();
  });

  it("requires a network configuration for awsvpc, an existing cluster and an active definition", async () => {
    await ecs.send(new RegisterTaskDefinitionCommand(exampleDefinition("direct.json")));
    const noNetwork = ecs.send(new RunTaskCommand({ taskDefinition: "whoami-direct" }));
    await expect(noNetwork).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(noNetwork).rejects.toThrow(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
    await expect(
      ecs.send(new RunTaskCommand({ cluster: "prod", taskDefinition: "whoami-direct" })),
    ).rejects.toBeInstanceOf(ClusterNotFoundException);
    await expect(
      ecs.send(new RunTaskCommand({ taskDefinition: "whoami-missing" })),
    ).rejects.toThrow("TaskDefinition not found.");
  });

  it("stops a running task's process group with StopTask", async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand(
        shellDefinition("sleeper", ["sh", "-c", "sleep 30 & sleep 30; echo never"]),
      ),
    );
    const run = await ecs.send(
      new RunTaskCommand({ taskDefinition: "sleeper", startedBy: "test" }),
    );
    const arn = run.tasks?.[0]?.taskArn ?? "";
    const running = await waitForStatus(ecs, arn, "RUNNING");
    expect(running.lastStatus).toBe("RUNNING");
    const pid = Number(running.containers?.[0]?.runtimeId);
    const listed = await ecs.send(new ListTasksCommand({ startedBy: "test" }));
    expect(listed.taskArns).toContain(arn);
    await ecs.send(new StopTaskCommand({ task: arn, reason: "enough" }));
    const stopped = await waitForStatus(ecs, arn);
    expect(stopped.stoppedReason).toBe("enough");
    expect(stopped.stopCode).toBe("UserInitiated");
    expect(stopped.containers?.[0]?.exitCode).toBe(143);
    if (process.platform === "linux") expect(runningGroupMembers(pid)).toEqual([]);
    const described = await ecs.send(new DescribeTasksCommand({ tasks: [arn, "0".repeat(32)] }));
    expect(described.failures?.[0]?.reason).toBe("MISSING");
  });

  it.skipIf(!asRoot)("runs the container as its numeric user when accesslab is root", async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand(
        shellDefinition("ids", ["id", "-u"], { user: "1234:4321" }),
      ),
    );
    const run = await ecs.send(new RunTaskCommand({ taskDefinition: "ids" }));
    const arn = run.tasks?.[0]?.taskArn ?? "";
    await waitForStatus(ecs, arn);
    expect((await containerText(server.running.endpoint, arn, "main")).trim()).toBe("1234");
  });
});

describe("the checker and the runtime read the example commands alike", () => {
  it("finds the `su -` that drops the variable in su-login.json only", () => {
    const reset = (file: string) =>
      environmentReset(
        (exampleDefinition(file).containerDefinitions?.[0]?.command ?? []).join(" "),
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
      );
    expect(reset("su-login.json")?.command).toBe("su - appuser");
    expect(reset("direct.json")).toBeUndefined();
  });
});

describe("authorization", () => {
  const policy = (actions: string[], resource = "*") =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: actions, Resource: resource }],
    });

  it("asks iam:PassRole for the task role and ecs:RunTask on the task definition", async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "operator" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "operator" }));
    const operator = new ECSClient(
      server.config({
        accessKeyId: AccessKey?.AccessKeyId ?? "",
        secretAccessKey: AccessKey?.SecretAccessKey ?? "",
      }),
    );
    const put = (name: string, document: string) =>
      iam.send(
        new PutUserPolicyCommand({
          UserName: "operator",
          PolicyName: name,
          PolicyDocument: document,
        }),
      );
    await put("ecs", policy(["ecs:RegisterTaskDefinition", "ecs:DescribeTasks"]));
    const input = shellDefinition("guarded", ["true"]);
    const refused = operator.send(new RegisterTaskDefinitionCommand(input));
    await expect(refused).rejects.toMatchObject({
      name: "AccessDeniedException",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(refused).rejects.toThrow(
      `User: arn:aws:iam::000000000000:user/operator is not authorized to perform: iam:PassRole on resource: ${whoami.taskRoleArn}`,
    );
    await put("pass", policy(["iam:PassRole"], whoami.taskRoleArn));
    const registered = await operator.send(new RegisterTaskDefinitionCommand(input));
    const arn = registered.taskDefinition?.taskDefinitionArn ?? "";
    await expect(operator.send(new RunTaskCommand({ taskDefinition: "guarded" }))).rejects.toThrow(
      `is not authorized to perform: ecs:RunTask on resource: ${arn}`,
    );
    await put("run", policy(["ecs:RunTask"], arn));
    const run = await operator.send(new RunTaskCommand({ taskDefinition: "guarded" }));
    const task = await waitForStatus(operator, run.tasks?.[0]?.taskArn ?? "");
    expect(task.containers?.[0]?.exitCode).toBe(0);
  });
});
