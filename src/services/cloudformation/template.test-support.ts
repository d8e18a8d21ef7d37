/**
 * Test support for the deployer: a fresh service context, hand-made
 * `DeployableResource` values (properties as a function of the lookup, so
 * `Ref`/`Fn::GetAtt` are plain calls), trust and permission policies, and
 * the account root as the caller.
 */
import { randomBytes } from "node:crypto";
import { memoryStore } from "../../store/memory/store.js";
import type {
  DeployableResource,
  DeployableTemplate,
  PhysicalLookup,
  ResolvedValue,
} from "../../templates/model.js";
import type { ServiceContext } from "../context.js";
import type { DeployActor } from "./actor.js";

type Props = { readonly [key: string]: ResolvedValue };

/** The account root, the default caller. */
export const ROOT: DeployActor = { principalArn: "arn:aws:iam::000000000000:root" };

/**
 * A fresh context over an in-memory store.
 *
 * @example
 * const ctx = cfnTestContext();
 */
export function cfnTestContext(): ServiceContext {
  let now = 1_700_000_000_000;
  return {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => now++,
    account: "000000000000",
    region: "us-east-1",
  };
}

/**
 * A resource whose properties are computed from the lookup.
 *
 * @example
 * res("Role", "AWS::IAM::Role", () => ({ AssumeRolePolicyDocument: trust("lambda.amazonaws.com") }));
 */
export function res(
  logicalId: string,
  type: string,
  props: (lookup: PhysicalLookup) => Props = () => ({}),
  dependsOn: readonly string[] = [],
): DeployableResource {
  return {
    logicalId,
    type,
    dependsOn,
    file: "template.yaml",
    position: { line: 1, column: 1 },
    properties: props,
    positionOf: () => undefined,
  };
}

/**
 * A template of the given resources.
 *
 * @example
 * tpl(res("Vpc", "AWS::EC2::VPC", () => ({ CidrBlock: "10.0.0.0/16" })));
 */
export function tpl(...resources: DeployableResource[]): DeployableTemplate {
  return { file: "template.yaml", origin: "cloudformation", resources, diagnostics: [] };
}

/**
 * A trust policy for one service principal.
 *
 * @example
 * trust("cloudformation.amazonaws.com");
 */
export function trust(service: string): Props {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  };
}

/**
 * An identity policy allowing `actions` on everything.
 *
 * @example
 * allowing(["iam:*"]);
 */
export function allowing(actions: readonly string[]): Props {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: [...actions], Resource: "*" }],
  };
}

/**
 * A string the lookup answers, or a marker that fails loudly in a test.
 *
 * @example
 * str(lookup("Role", "Arn")); // "arn:aws:iam::000000000000:role/…"
 */
export function str(value: ResolvedValue | undefined): string {
  return typeof value === "string" ? value : `<unresolved ${JSON.stringify(value)}>`;
}
