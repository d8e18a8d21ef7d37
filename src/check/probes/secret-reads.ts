/**
 * The secret read probe. For each function that uses a secret (it, or its
 * execution role, refers to one), GetSecretValue is decided by the policy
 * engine as Secrets Manager would decide it for the role's session: the
 * role's identity policies, the secret's resource policy and, when the
 * function runs in a VPC whose Secrets Manager interface endpoint has
 * private DNS, that endpoint's policy with `aws:SourceVpce` and
 * `aws:SourceVpc` set. A deny is a finding; an explicit deny keyed on
 * `aws:sourceVpce` for a function that does not come through that endpoint
 * is named as such.
 */
import type { Decision } from "../../engines/policy/decision.js";
import { authorize, compilePolicySet } from "../../engines/policy/evaluate.js";
import { explainDecision } from "../../engines/policy/explain.js";
import { parsePolicy } from "../../engines/policy/parse.js";
import type { VpcEndpoint } from "../../services/ec2/model.js";
import { principalPolicies } from "../../services/iam/principal-policies.js";
import type { LambdaFunction } from "../../services/lambda/model.js";
import { findSecret } from "../../services/secretsmanager/lookup.js";
import { secretPolicy } from "../../services/secretsmanager/resource-policy.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { byPhysicalId, type DeployedResource, type Probe, type ProbeRun } from "../probe.js";
import { deployedFunctions, functionSession, secretsEndpointOf } from "./function-context.js";
import { usedResources } from "./used-resources.js";

/**
 * Probes every function's secret reads.
 *
 * @example
 * probeSecretReads({ ctx, resources }); // [{ ruleId: "secrets-read-outside-endpoint", … }]
 */
export const probeSecretReads: Probe = (run) => {
  const findings: Finding[] = [];
  for (const { resource, fn } of deployedFunctions(run)) {
    const role = byPhysicalId(run, "AWS::IAM::Role", functionSession(run.ctx, fn).roleName);
    for (const secret of usedResources(run, resource, fn, "AWS::SecretsManager::Secret")) {
      const found = probeRead(run, resource, fn, role?.logicalId ?? fn.role, secret);
      if (found !== undefined) findings.push(found);
    }
  }
  return findings;
};

function probeRead(
  run: ProbeRun,
  resource: DeployedResource,
  fn: LambdaFunction,
  role: string,
  secretResource: DeployedResource,
): Finding | undefined {
  const { ctx } = run;
  const secret = findSecret(ctx, secretResource.physicalId);
  if (secret === undefined) return undefined;
  const { session } = functionSession(ctx, fn);
  const endpoint = secretsEndpointOf(ctx, fn);
  const policy = secretPolicy(secret);
  const own = principalPolicies(ctx, session);
  const decision = authorize(
    compilePolicySet({
      identityPolicies: own.identityPolicies,
      ...(own.permissionsBoundary ? { permissionsBoundary: own.permissionsBoundary } : {}),
      ...(policy ? { resourcePolicy: policy } : {}),
      ...(endpoint
        ? {
            endpointPolicy: {
              name: "VPC endpoint policy",
              document: parsePolicy(endpoint.policyDocument).policy ?? { statements: [] },
            },
          }
        : {}),
    }),
    {
      principal: session,
      action: "secretsmanager:GetSecretValue",
      resource: secret.arn,
      context: {
        "aws:SecureTransport": "true",
        ...(endpoint
          ? { "aws:SourceVpce": endpoint.vpcEndpointId, "aws:SourceVpc": endpoint.vpcId }
          : {}),
      },
    },
  );
  if (decision.decision === "Allowed") return undefined;
  const evidence = [
    `GetSecretValue on ${secret.arn} as ${session}${endpoint ? ` through ${endpoint.vpcEndpointId}` : ", not through a VPC endpoint"}: ${decision.decision}`,
    ...explainDecision(decision, {}).split("\n"),
  ];
  const required = requiredEndpoint(decision, secret.policy);
  if (required !== undefined && required !== endpoint?.vpcEndpointId) {
    const name = byPhysicalId(run, "AWS::EC2::VPCEndpoint", required)?.logicalId ?? required;
    const networkPath = networkPathOf(run, fn, endpoint);
    return findingOf({
      ruleId: "secrets-read-outside-endpoint",
      resource,
      values: {
        workload: resource.logicalId,
        secret: secretResource.logicalId,
        endpoint: name,
        networkPath,
        role,
      },
      evidence,
      path: fn.vpcConfig ? ["VpcConfig"] : [],
    });
  }
  return findingOf({
    ruleId: "secrets-read-denied",
    resource,
    values: { workload: resource.logicalId, secret: secretResource.logicalId, role },
    evidence,
    path: ["Role"],
  });
}

/** How `fn`'s calls reach Secrets Manager, for the finding's explanation. */
function networkPathOf(
  run: ProbeRun,
  fn: LambdaFunction,
  endpoint: VpcEndpoint | undefined,
): string {
  if (endpoint !== undefined) {
    const name = byPhysicalId(run, "AWS::EC2::VPCEndpoint", endpoint.vpcEndpointId)?.logicalId;
    const which =
      name === undefined ? endpoint.vpcEndpointId : `${name} (${endpoint.vpcEndpointId})`;
    return `calls Secrets Manager through ${which}, the endpoint with private DNS in its VPC`;
  }
  if (fn.vpcConfig === undefined) return "is not attached to any VPC";
  return `runs in ${fn.vpcConfig.vpcId}, where no Secrets Manager interface endpoint has private DNS, so its calls go to the service's public endpoint`;
}

/**
 * The endpoint id a Deny of the secret's policy requires through
 * `aws:sourceVpce`, when such a Deny decided.
 */
function requiredEndpoint(decision: Decision, policyText: string | undefined): string | undefined {
  if (decision.decision !== "ExplicitlyDenied" || policyText === undefined) return undefined;
  if (!decision.deciding.some((d) => d.policy.kind === "resource")) return undefined;
  return /"aws:sourcevpce"\s*:\s*\[?\s*"(vpce-[0-9a-f]+)"/i.exec(policyText)?.[1];
}
