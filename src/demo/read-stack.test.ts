import { describe, expect, it } from "vitest";
import { readDemoStack } from "./read-stack.js";

const network = `
network:
  vpc: { name: v, cidr: 10.0.0.0/16 }
  subnets:
    - { name: a, cidr: 10.0.1.0/24, availabilityZone: us-east-1a }
  securityGroups:
    - name: fn
      description: function
    - name: efs
      description: mount targets
      ingress:
        - { protocol: tcp, port: 2049, fromGroup: fn }
`;

const problem = (text: string) => {
  const { stack, error } = readDemoStack(text);
  expect(stack).toBeUndefined();
  return `${error?.position?.line}:${error?.position?.column}: ${error?.message}`;
};

describe("readDemoStack", () => {
  it("reads every section and keeps entry positions", () => {
    const { stack, error } = readDemoStack(`
users:
  - name: dev
    accessKey: { id: AKIADEMODEVELOPER001, secret: dev }
roles:
  - name: task
    trustedService: ecs-tasks.amazonaws.com
    containerCredentials: { taskId: t1 }
${network}
secrets:
  - name: s
    value: plain text
`);
    expect(error).toBeUndefined();
    expect(stack?.users[0]).toMatchObject({
      name: "dev",
      accessKey: { id: "AKIADEMODEVELOPER001", secret: "dev" },
      position: { line: 3, column: 5 },
    });
    expect(stack?.roles[0]?.containerCredentials).toEqual({ taskId: "t1", cluster: "default" });
    expect(stack?.network?.securityGroups[1]?.ingress[0]).toMatchObject({
      protocol: "tcp",
      port: 2049,
      fromGroup: "fn",
    });
    expect(stack?.secrets[0]?.value).toBe("plain text");
  });

  it("stores an object secret value as JSON text", () => {
    const { stack } = readDemoStack("secrets:\n  - name: s\n    value: { user: app }\n");
    expect(stack?.secrets[0]?.value).toBe('{"user":"app"}');
  });

  it("refuses unknown fields, missing fields and wrong types at their position", () => {
    expect(problem("userz: []\n")).toBe("1:1: unknown field `userz` in demo stack");
    expect(problem("roles:\n  - name: r\n")).toBe("2:5: roles[0] has no `trustedService`");
    expect(problem("users:\n  - name: 3\n")).toBe(
      "2:11: `users[0].name` must be a string, found number",
    );
  });

  it("refuses names used before they are defined, of the wrong kind, or twice", () => {
    const later = network.replace("fromGroup: fn", "fromGroup: nobody");
    expect(problem(later)).toMatch(/^12:51: unknown name `nobody`/);
    const wrongKind = network.replace("fromGroup: fn", "fromGroup: a");
    expect(problem(wrongKind)).toMatch(/`a` is a subnet, not a security group$/);
    const twice = network.replace("name: efs", "name: fn");
    expect(problem(twice)).toMatch(/name `fn` is already used by a security group$/);
  });

  it("checks `${name}` references in policies but leaves policy variables alone", () => {
    const policy = (value: string) => `
users:
  - name: dev
    policies:
      p:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: "${value}"
`;
    expect(readDemoStack(policy("arn:aws:s3:::b/${aws:username}/*")).error).toBeUndefined();
    expect(readDemoStack(policy("arn:aws:s3:::b/${dev}/*")).error).toBeUndefined();
    expect(problem(policy("arn:aws:s3:::b/${later}/*"))).toMatch(/^10:\d+: unknown name `later`/);
  });

  it("refuses container credentials for a role ECS tasks cannot assume", () => {
    expect(
      problem(
        "roles:\n  - name: r\n    trustedService: lambda.amazonaws.com\n    containerCredentials: { taskId: t }\n",
      ),
    ).toMatch(/^4:\d+: roles\[0\]\.containerCredentials: only a role trusting/);
  });
});
