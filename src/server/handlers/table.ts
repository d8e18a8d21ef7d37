/**
 * The per-service handler table dispatch looks operations up in. Query
 * services only in this slice (STS, IAM); EFS, EC2, Secrets Manager and
 * Lambda join here as their handlers are written.
 */
import type { QueryTable } from "./handler.js";
import { IAM_HANDLERS } from "./iam.js";
import { STS_HANDLERS } from "./sts.js";

/**
 * Query-protocol handlers by service id.
 *
 * @example
 * QUERY_HANDLERS.sts?.GetCallerIdentity; // the handler
 */
export const QUERY_HANDLERS: Readonly<Record<string, QueryTable>> = {
  sts: STS_HANDLERS,
  iam: IAM_HANDLERS,
};
