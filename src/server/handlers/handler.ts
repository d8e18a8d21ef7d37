/**
 * The contracts between the handler chain and the services. A service
 * binding turns one authenticated request into a plan: the operation's
 * name, what the policy engine must allow first (`access`), and how to run
 * the operation and render its answer. The chain's prepare step asks the
 * binding for the plan, authorize decides each access ask, and dispatch
 * runs it; so reading input, authorizing and acting stay separate stages.
 * Query-protocol services (IAM, STS, EC2) keep flat handler tables
 * (`QueryTable`); JSON 1.1 and rest-json services plan per operation.
 */

import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import type { ContextValue } from "../../engines/policy/request.js";
import type { AwsError } from "../../protocol/errors.js";
import type { HttpRequest } from "../../protocol/http-request.js";
import type { HttpResponse } from "../../protocol/http-response.js";
import type { QueryParams } from "../../protocol/query.js";
import type { Route } from "../../protocol/route.js";
import type { ServiceContext } from "../../services/context.js";
import type { Caller } from "../caller.js";

/** One question for the policy engine: may the caller do `action` on `resource`? */
export interface AccessAsk {
  readonly action: string;
  /** The resource ARN, or `*`. */
  readonly resource: string;
  /** The resource's own policy (a secret's, a file system's), when it has one. */
  readonly resourcePolicy?: NamedPolicy;
  /** The VPC endpoint's policy, when the call came through one. */
  readonly endpointPolicy?: NamedPolicy;
  /** Request context keys beyond the clock (`aws:SourceVpce`, `aws:TagKeys`, …). */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** What a service learns about the call besides its input. */
export interface CallInfo {
  readonly request: HttpRequest;
  readonly caller: Caller;
  readonly requestId: string;
}

/** What to authorize, then what to run. */
export interface Plan<T> {
  readonly access: readonly AccessAsk[];
  run(): T | Promise<T>;
}

/** A planned call, as the chain holds it. */
export interface PlannedCall extends Plan<HttpResponse> {
  /** The operation, for logs and the audit trail. */
  readonly operation: string;
}

/** A service as the chain sees it. */
export interface ServiceBinding {
  /** Reads the request into a plan, or throws the service's validation error. */
  plan(ctx: ServiceContext, route: Route, call: CallInfo): PlannedCall;
  /** The refusal this service answers when the engine denies (`message` is AWS's wording). */
  denied(message: string): AwsError;
  /**
   * The largest request body any of its operations accepts (1 MiB when
   * absent); the server reads up to the largest of all bindings and each
   * binding enforces its operations' own caps.
   */
  readonly maxBodyBytes?: number;
}

/** One query-protocol call. */
export interface QueryCall {
  readonly params: QueryParams;
  readonly caller: Caller;
}

/** Handles one query-protocol operation. */
export type QueryHandler = (ctx: ServiceContext, call: QueryCall) => unknown;

/** A query service's operations by name. */
export type QueryTable = Readonly<Record<string, QueryHandler>>;

/**
 * A plan that needs no authorization.
 *
 * @example
 * unguarded(() => ({ Account: "000000000000" }));
 */
export function unguarded<T>(run: () => T | Promise<T>): Plan<T> {
  return { access: [], run };
}

/**
 * A plan guarded by one access ask.
 *
 * @example
 * guarded({ action: "secretsmanager:GetSecretValue", resource: arn }, () => read());
 */
export function guarded<T>(ask: AccessAsk, run: () => T | Promise<T>): Plan<T> {
  return { access: [ask], run };
}
