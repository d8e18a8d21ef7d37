/**
 * Step 3: who is calling. With IAM enforced, the SigV4 signature is
 * verified (`verifySigV4`) against the secret STS knows for the access key
 * (bootstrap root, IAM user keys, role sessions), and failures answer with
 * the service family's codes (`SignatureDoesNotMatch`,
 * `InvalidClientTokenId`, `ExpiredToken`, …). With enforcement off nothing
 * is verified: a request signed with a known key acts as that key's
 * principal (so assumed-role credentials still show their session), and
 * anything else, unsigned included, acts as the bootstrap root.
 */

import { verifySigV4 } from "../../protocol/sigv4.js";
import { authDialectOf, sigv4Error } from "../../protocol/sigv4-errors.js";
import { parseAuthorization } from "../../protocol/sigv4-header.js";
import { BOOTSTRAP_ACCESS_KEY_ID } from "../../services/sts/bootstrap.js";
import { resolveAccessKey } from "../../services/sts/resolve-access-key.js";
import type { Caller } from "../caller.js";
import type { ServerEnv } from "../env.js";
import { keyLookup } from "../key-lookup.js";
import type { Step } from "./step.js";

/**
 * Authenticates the request.
 *
 * @example
 * await authenticate(exchange, env); // exchange.caller.principalArn === "arn:aws:iam::000000000000:root"
 */
export const authenticate: Step = async (exchange, env) => {
  const { request, route } = exchange;
  if (request === undefined || route === undefined) throw new Error("authenticate before route");
  if (!env.enforceIam) {
    exchange.caller = unverifiedCaller(env, request.headers.authorization);
    return;
  }
  const dialect = authDialectOf(route);
  const keys = keyLookup(env.services);
  const result = await verifySigV4(request, {
    lookup: keys.lookup,
    now: () => new Date(env.services.clock()),
    dialect,
  });
  if (!result.ok) {
    if (keys.expired()) throw sigv4Error("expiredToken", dialect);
    throw result.error;
  }
  const resolved = keys.resolved();
  if (resolved === undefined) throw new Error("verified a key that did not resolve");
  exchange.caller = resolved;
};

function unverifiedCaller(env: ServerEnv, authorization: string | undefined): Caller {
  const parsed = authorization === undefined ? undefined : parseAuthorization(authorization);
  const keyId = parsed?.ok ? parsed.value.scope.accessKeyId : BOOTSTRAP_ACCESS_KEY_ID;
  try {
    return resolveAccessKey(env.services, keyId);
  } catch {
    return resolveAccessKey(env.services, BOOTSTRAP_ACCESS_KEY_ID);
  }
}
