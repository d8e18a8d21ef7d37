import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { parseTaskDefinitionRef } from "./arn.js";
import { EcsError } from "./errors.js";
import { readTaskDefinition } from "./task-definition-input.js";

const container = { name: "app", image: "node:20" };

describe("readTaskDefinition", () => {
  it("reads containers with ECS's defaults", () => {
    const request = readTaskDefinition({
      family: "app",
      containerDefinitions: [
        {
          ...container,
          command: ["node", "app.mjs"],
          user: "1001:1001",
          environment: [{ name: "A", value: "1" }],
        },
      ],
    });
    expect(request.containerDefinitions[0]).toEqual({
      name: "app",
      image: "node:20",
      essential: true,
      command: ["node", "app.mjs"],
      user: "1001:1001",
      environment: [{ name: "A", value: "1" }],
    });
  });

  it.each([
    [
      { family: "app", containerDefinitions: [{ name: "app" }] },
      "ClientException",
      "Container.image should not be null or empty.",
    ],
    [
      { family: "app", containerDefinitions: [{ image: "x" }] },
      "ClientException",
      "Container.name should not be null or empty.",
    ],
    [
      { family: "a b", containerDefinitions: [container] },
      "ClientException",
      "family `a b` is not valid",
    ],
    [
      { family: "app", containerDefinitions: [] },
      "InvalidParameterException",
      "`containerDefinitions` is required",
    ],
    [
      { family: "app", containerDefinitions: [container, container] },
      "ClientException",
      "used more than once",
    ],
    [
      { family: "app", containerDefinitions: [{ ...container, essential: false }] },
      "ClientException",
      "must be essential",
    ],
    [
      { family: "app", containerDefinitions: [{ ...container, command: "node app.mjs" }] },
      "InvalidParameterException",
      "`containerDefinitions[0].command` must be a list of strings",
    ],
    [
      { family: "app", containerDefinitions: [{ ...container, user: "a:b:c" }] },
      "ClientException",
      "user `a:b:c` is not valid",
    ],
    [
      { family: "app", taskRoleArn: "task", containerDefinitions: [container] },
      "ClientException",
      "`taskRoleArn` `task` is not a role ARN",
    ],
    [
      {
        family: "app",
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        memory: "512",
        containerDefinitions: [container],
      },
      "ClientException",
      "Fargate requires that 'cpu' be defined at the task level.",
    ],
  ])("refuses %j", (input, code, message) => {
    const error = thrown(EcsError, () => readTaskDefinition(input));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.httpStatus).toBe(400);
  });
});

describe("parseTaskDefinitionRef", () => {
  it("reads families, revisions and ARNs", () => {
    expect(parseTaskDefinitionRef("app")).toEqual({ family: "app" });
    expect(parseTaskDefinitionRef("app:12")).toEqual({ family: "app", revision: 12 });
    expect(
      parseTaskDefinitionRef("arn:aws:ecs:us-east-1:000000000000:task-definition/app:3"),
    ).toEqual({ family: "app", revision: 3 });
    expect(thrown(EcsError, () => parseTaskDefinitionRef("app:x")).code).toBe(
      "InvalidParameterException",
    );
  });
});
