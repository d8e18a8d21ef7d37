/**
 * Where a call came from on the network, once the network step has checked
 * the VPC endpoint it names: the endpoint, its VPC and its policy. Every
 * access ask of such a call carries `aws:SourceVpce` and `aws:SourceVpc`
 * and the endpoint policy (aws-facts E7, E8); a call from outside any VPC
 * carries none of them, so a `StringNotEquals aws:sourceVpce` Deny applies.
 */
import type { NamedPolicy } from "../engines/policy/policy-set.js";
import type { AccessAsk } from "./handlers/handler.js";

/** A call that arrived through an interface VPC endpoint. */
export interface NetworkOrigin {
  readonly vpcEndpointId: string;
  readonly vpcId: string;
  readonly endpointPolicy: NamedPolicy;
}

/**
 * The ask as the engine must see it for a call from `origin`.
 *
 * @example
 * throughEndpoint(ask, origin).context?.["aws:SourceVpce"]; // "vpce-0abc…"
 */
export function throughEndpoint(ask: AccessAsk, origin: NetworkOrigin | undefined): AccessAsk {
  if (origin === undefined) return ask;
  return {
    ...ask,
    endpointPolicy: origin.endpointPolicy,
    context: {
      ...ask.context,
      "aws:SourceVpce": origin.vpcEndpointId,
      "aws:SourceVpc": origin.vpcId,
    },
  };
}
