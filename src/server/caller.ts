/**
 * The principal a request acts as, once authenticated: its ARN, unique id,
 * account and the session policy its credentials carry.
 */
import type { ResolvedKey } from "../services/sts/resolve-access-key.js";

/** The principal a request acts as. */
export type Caller = Pick<ResolvedKey, "principalArn" | "userId" | "account" | "sessionPolicy">;
