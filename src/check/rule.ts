/**
 * What a check rule is: the stable id, default severity and the words a
 * user reads for every finding of that rule (a one-line title, a
 * one-paragraph explanation and a fix), written as templates whose
 * `{placeholder}`s a probe fills with the names and values it found. The
 * rules themselves are data, one file per area under `rules/`, gathered in
 * `rules.ts`; probes refer to them by id and never write their own prose.
 */
import type { Severity } from "./finding.js";

/** The area a rule belongs to; its id starts with `<area>-`. */
export type RuleArea = "efs" | "lambda" | "iam" | "ecs" | "secrets" | "vpc" | "smb" | "stack";

/** One rule, as users read it. */
export interface RuleDefinition {
  /** Stable kebab-case id, prefixed by its area, e.g. `efs-access-point-no-creation-info`. */
  readonly id: string;
  readonly area: RuleArea;
  /** The severity a finding gets unless the configuration changes it. */
  readonly severity: Severity;
  /** One line, no final period: what will go wrong. */
  readonly title: string;
  /** One paragraph: why, in terms of how AWS behaves. */
  readonly explanation: string;
  /** A concrete fix. */
  readonly fix: string;
}

/**
 * The placeholders rule texts may use, with what a probe puts there. A
 * test holds every rule to this list, so probes know what to supply.
 */
export const RULE_PLACEHOLDERS: Readonly<Record<string, string>> = {
  accessPoint: "logical id of the access point",
  otherAccessPoint: "logical id of a second access point sharing the same root directory",
  fileSystem: "logical id of the EFS file system",
  path: "an access point's RootDirectory.Path",
  uid: "the enforced PosixUser Uid",
  gid: "the enforced PosixUser Gid",
  otherUid: "the second access point's PosixUser Uid",
  otherGid: "the second access point's PosixUser Gid",
  ownerUid: "owner uid of the directory as the probe found it",
  ownerGid: "owner gid of the directory as the probe found it",
  mode: "octal mode of the directory as the probe found it, e.g. 764",
  identity: "the uid:gid EFS sees for the workload, e.g. `993:990 (Lambda sandbox user)`",
  mountPath: "the function's LocalMountPath, e.g. /mnt/data",
  function: "logical id of the Lambda function",
  workload: "logical id of the Lambda function or ECS task definition",
  role: "logical id (or ARN when not in the template) of the IAM role",
  subnet: "logical id of the subnet",
  az: "the Availability Zone",
  reason: "the probe's one-clause account of what blocked the connection, or a service's refusal",
  resource: "logical id of the resource that could not be created",
  type: "the resource's CloudFormation type",
  actions: "the EFS actions granted, e.g. `ClientWrite, ClientRootAccess`",
  principal: "the principal named in the policy",
  source: "where the anonymous probe mounted from, e.g. a subnet",
  taskDefinition: "logical id of the ECS task definition",
  container: "the container definition's Name",
  command: "the part of the container command that switches user, e.g. `su - app`",
  secret: "logical id of the secret",
  endpoint: "logical id of the VPC endpoint",
  networkPath: "how the workload's request reaches the service, as a clause",
  service: "the AWS service the endpoint serves, e.g. Secrets Manager",
  fileServer: "logical id of the file server (FSx file system or SMB host)",
  destination: "the file server's CIDR or managed prefix list",
};

/**
 * Fills `{name}` placeholders in a rule text; unknown names are left as
 * they are, so a missing value shows up in review instead of vanishing.
 *
 * @example
 * renderRuleText("access point {accessPoint} acts as root", { accessPoint: "ApRoot" });
 * // "access point ApRoot acts as root"
 */
export function renderRuleText(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The placeholder names a rule's title, explanation and fix use, each once.
 *
 * @example
 * rulePlaceholders({ title: "{a} and {b}", explanation: "{a}", fix: "" }); // ["a", "b"]
 */
export function rulePlaceholders(
  rule: Pick<RuleDefinition, "title" | "explanation" | "fix">,
): string[] {
  const names = new Set<string>();
  for (const text of [rule.title, rule.explanation, rule.fix]) {
    for (const match of text.matchAll(/\{([a-zA-Z]+)\}/g)) names.add(match[1] ?? "");
  }
  return [...names];
}
