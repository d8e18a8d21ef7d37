/**
 * Checks a VPC endpoint policy before it is stored: at most 20,480
 * characters, and valid as an endpoint policy by the policy engine's
 * validator (which requires a Principal in every statement, aws-facts E8).
 * The first ERROR finding is the refusal, with its line and column.
 */
import { validatePolicy } from "../../engines/policy/validate/validate.js";
import { ENDPOINT_POLICY_LIMIT, INVALID_ENDPOINT_POLICY_CODE } from "./assumptions.js";
import { Ec2Error } from "./errors.js";

/**
 * Throws unless `text` is a valid endpoint policy.
 *
 * @example
 * checkEndpointPolicy('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}');
 */
export function checkEndpointPolicy(text: string): void {
  if (text.length > ENDPOINT_POLICY_LIMIT) {
    throw new Ec2Error(
      INVALID_ENDPOINT_POLICY_CODE,
      400,
      `the endpoint policy is ${text.length} characters; the limit is ${ENDPOINT_POLICY_LIMIT}`,
    );
  }
  const first = validatePolicy(text, { kind: "endpoint" }).find((f) => f.type === "ERROR");
  if (first) {
    const where = first.position ? ` at ${first.position.line}:${first.position.column}` : "";
    throw new Ec2Error(
      INVALID_ENDPOINT_POLICY_CODE,
      400,
      `the endpoint policy is not valid${where}: ${first.message}`,
    );
  }
}
