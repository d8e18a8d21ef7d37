/**
 * Test support: a credentials context over a fresh in-memory store with a
 * fixed clock, and three roles trusting ECS tasks, EC2 and Lambda.
 */
import { randomBytes } from "node:crypto";
import { memoryStore } from "../../store/memory/store.js";
import { createRole } from "../iam/roles.js";
import type { CredentialsContext } from "./context.js";

/** The fixed clock of the test context. */
export const NOW = 1_700_000_000_000;

/**
 * A role ARN in the test account.
 *
 * @example
 * testRoleArn("task"); // "arn:aws:iam::000000000000:role/task"
 */
export const testRoleArn = (name: string) => `arn:aws:iam::000000000000:role/${name}`;

const trust = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

/**
 * A fresh context with roles `task` (ecs-tasks), `web` (ec2) and `fn` (lambda).
 *
 * @example
 * const ctx = credentialsTestContext();
 */
export function credentialsTestContext(): CredentialsContext {
  const ctx: CredentialsContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => NOW,
    account: "000000000000",
    region: "us-east-1",
  };
  createRole(ctx, { roleName: "task", assumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") });
  createRole(ctx, { roleName: "web", assumeRolePolicyDocument: trust("ec2.amazonaws.com") });
  createRole(ctx, { roleName: "fn", assumeRolePolicyDocument: trust("lambda.amazonaws.com") });
  return ctx;
}
