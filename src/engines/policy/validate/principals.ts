/**
 * Principal values by type: `AWS` takes `*`, an account id or the ARN of a
 * root user, user, role, assumed-role session or federated user (no partial
 * wildcards); `Service` takes a service principal such as
 * `lambda.amazonaws.com`; `Federated` an identity provider's ARN or domain;
 * `CanonicalUser` a 64-digit hex id.
 */

import { parseArn } from "../arn.js";
import type { PrincipalBlock } from "../ast.js";
import { PARTITIONS } from "./arn-shape.js";
import { KIND_SHAPES } from "./elements-by-kind.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

type Check = (value: string) => string | undefined;

const SERVICE = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com)$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;
const PROVIDER_ARN = /^arn:[a-z-]+:iam::\d{12}:(saml-provider|oidc-provider)\/\S+$/;
const UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{12,}$/;

const CHECKS: Readonly<Record<string, Check>> = {
  AWS: awsPrincipal,
  Service: (v) =>
    SERVICE.test(v) ? undefined : "must be a service principal such as `lambda.amazonaws.com`",
  Federated: (v) =>
    PROVIDER_ARN.test(v) || DOMAIN.test(v)
      ? undefined
      : "must be the ARN of a SAML or OIDC provider or a provider domain such as `cognito-identity.amazonaws.com`",
  CanonicalUser: (v) =>
    /^[0-9a-f]{64}$/.test(v) ? undefined : "must be a 64-digit hexadecimal canonical user id",
};

/**
 * Reports malformed principal values and empty principal objects.
 *
 * @example
 * checkPrincipals({ ...context, kind: "resource" }); // flags `{"AWS": "arn:aws:iam::123:role/*"}`
 */
export function checkPrincipals({ policy, kind }: RuleContext): Finding[] {
  if (KIND_SHAPES[kind].principal === "forbidden") return [];
  const out: Finding[] = [];
  for (const s of policy.statements) {
    for (const [element, block] of [
      ["Principal", s.principal],
      ["NotPrincipal", s.notPrincipal],
    ] as const) {
      if (!block) continue;
      out.push(...checkBlock(element, block, s.index));
    }
  }
  return out;
}

function checkBlock(element: string, block: PrincipalBlock, statement: number): Finding[] {
  if (block.wildcard) return [];
  if (block.entries.length === 0) {
    const message = `\`${element}\` is an empty object and matches no principal`;
    return [finding("SUGGESTION", "empty-object-principal", message, block.position, statement)];
  }
  const out: Finding[] = [];
  for (const entry of block.entries) {
    const check = CHECKS[entry.type.value];
    for (const value of entry.values) {
      if (!check || (value.value === "*" && entry.type.value === "AWS")) continue;
      if (value.value.includes("*") || value.value.includes("?")) {
        const message = `\`${element}.${entry.type.value}\` value \`${value.value}\` has a wildcard; only a bare \`*\` in \`AWS\` is supported`;
        out.push(
          finding("ERROR", "unsupported-wildcard-in-principal", message, value.position, statement),
        );
        continue;
      }
      const problem = check(value.value);
      if (!problem) continue;
      const code =
        entry.type.value === "Service"
          ? "invalid-service-principal-format"
          : "invalid-principal-format";
      const message = `\`${element}.${entry.type.value}\` value \`${value.value}\` ${problem}`;
      out.push(finding("ERROR", code, message, value.position, statement));
    }
  }
  return out;
}

function awsPrincipal(value: string): string | undefined {
  if (/^\d{12}$/.test(value) || UNIQUE_ID.test(value)) return undefined;
  const expected =
    "must be `*`, a 12-digit account id or the ARN of a root user, user, role, assumed-role session or federated user";
  const arn = parseArn(value);
  if (!arn || !PARTITIONS.includes(arn.partition) || arn.region !== "") return expected;
  if (!/^\d{12}$/.test(arn.account)) return `has account \`${arn.account}\`; ${expected}`;
  if (arn.service === "iam") {
    if (arn.resource === "root" || /^(user|role)\/\S+$/.test(arn.resource)) return undefined;
    if (arn.resource.startsWith("group/")) return "names a user group, which cannot be a principal";
    return expected;
  }
  if (
    arn.service === "sts" &&
    /^(assumed-role\/[^/\s]+\/\S+|federated-user\/\S+)$/.test(arn.resource)
  )
    return undefined;
  return expected;
}
