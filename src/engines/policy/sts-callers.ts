/**
 * STS rules about who may call it at all, which no policy can grant: the
 * account root user cannot assume roles ("You cannot use AWS account root
 * user credentials to call AssumeRole", STS API reference), and a federated
 * user session may call no STS operation but GetCallerIdentity
 * (GetFederationToken reference).
 */
import type { Caller } from "./caller.js";

/**
 * The reason STS refuses this caller the action outright, or undefined.
 *
 * @example
 * stsRefusal(rootCaller, "sts:AssumeRole"); // "the account root user cannot call `sts:AssumeRole`"
 */
export function stsRefusal(caller: Caller, action: string): string | undefined {
  const lower = action.toLowerCase();
  if (!lower.startsWith("sts:")) return undefined;
  if (caller.kind === "root" && lower.startsWith("sts:assumerole")) {
    return `the account root user cannot call \`${action}\`; STS refuses root credentials for AssumeRole`;
  }
  if (caller.kind === "federated-user" && lower !== "sts:getcalleridentity") {
    return `a federated user session cannot call \`${action}\`; only \`sts:GetCallerIdentity\` is allowed`;
  }
  return undefined;
}
