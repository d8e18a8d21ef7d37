/**
 * The contract between dispatch and a service's handlers: a query-protocol
 * handler takes the service context and the call (flat query parameters,
 * the authenticated caller) and returns the result value that
 * `renderQueryXml` turns into `<OpResult>` (or `undefined` for operations
 * without output). Errors are thrown as the service's own AWS errors.
 */
import type { QueryParams } from "../../protocol/query.js";
import type { IamContext } from "../../services/iam/context.js";
import type { Caller } from "../exchange.js";

/** One query-protocol call. */
export interface QueryCall {
  readonly params: QueryParams;
  readonly caller: Caller;
}

/** Handles one operation. */
export type QueryHandler = (ctx: IamContext, call: QueryCall) => unknown;

/** A service's operations by name. */
export type QueryTable = Readonly<Record<string, QueryHandler>>;
