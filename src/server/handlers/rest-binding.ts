/**
 * A rest-json service (EFS, Lambda) as a binding: the operation is found by
 * method and URI template, its input gathered from the path labels, the
 * query string, the headers and the JSON body, and its output rendered with
 * the operation's success status (201 for CreateFileSystem, 204 for the
 * deletes). A path no operation matches is 404 `UnknownOperationException`.
 * Bodies are capped per operation (1 MiB unless the operation says more, as
 * Lambda's code uploads do) with 413 `RequestEntityTooLargeException`.
 * An operation whose body is not a JSON object (Lambda's Invoke payload)
 * takes it raw and checks it itself, and may render its own answer
 * (Invoke's payload body and `X-Amz-*` headers).
 */
import { ProtocolError } from "../../protocol/errors.js";
import type { HttpResponse } from "../../protocol/http-response.js";
import { DEFAULT_JSON_LIMIT, parseJsonBody } from "../../protocol/json.js";
import { renderRestJson } from "../../protocol/json-response.js";
import { compilePathTemplate, matchPath, type PathTemplate } from "../../protocol/rest-path.js";
import type { ServiceContext } from "../../services/context.js";
import type { CallInfo, Plan, ServiceBinding } from "./handler.js";

/** A rest-json call's input, by where it came from. */
export interface RestInput {
  /** Path labels, percent-decoded. */
  readonly labels: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body (`{}` when there is none, or when the operation takes its body raw). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The body's bytes as sent. */
  readonly raw: Uint8Array;
}

/** One rest-json operation. */
export interface RestOperation {
  readonly name: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** The URI template, e.g. `/2015-02-01/file-systems/{FileSystemId}`. */
  readonly path: string;
  /** The success status (200 unless the API says otherwise). */
  readonly status?: number;
  /** The largest JSON body it accepts ({@link DEFAULT_JSON_LIMIT}, 1 MiB, when absent). */
  readonly maxBodyBytes?: number;
  /** The body is not a JSON object: hand it over as `raw` only, unparsed and unchecked. */
  readonly rawBody?: boolean;
  /** Renders the output itself instead of as a rest-json answer. */
  render?(output: unknown, requestId: string): HttpResponse;
  plan(ctx: ServiceContext, input: RestInput, call: CallInfo): Plan<unknown>;
}

/**
 * Binds a rest-json service's operations.
 *
 * @example
 * const efs = restBinding(EFS_OPERATIONS, (m) => new EfsError("AccessDeniedException", 403, m));
 */
export function restBinding(
  operations: readonly RestOperation[],
  denied: ServiceBinding["denied"],
): ServiceBinding {
  const compiled: readonly [RestOperation, PathTemplate][] = operations.map((op) => [
    op,
    compilePathTemplate(op.path),
  ]);
  const maxBodyBytes = Math.max(
    DEFAULT_JSON_LIMIT,
    ...operations.map((op) => op.maxBodyBytes ?? DEFAULT_JSON_LIMIT),
  );
  return {
    denied,
    maxBodyBytes,
    plan(ctx, _route, call) {
      const { request } = call;
      let pathMatched = false;
      for (const [op, template] of compiled) {
        const labels = matchPath(template, request.path);
        if (labels === undefined) continue;
        pathMatched = true;
        if (op.method !== request.method) continue;
        const limit = op.maxBodyBytes ?? DEFAULT_JSON_LIMIT;
        const body =
          request.method === "GET" || op.rawBody ? {} : parseJsonBody(request.body, limit);
        const input = {
          labels,
          query: request.query,
          headers: request.headers,
          body,
          raw: request.body,
        };
        const plan = op.plan(ctx, input, call);
        const render = (output: unknown) =>
          op.render
            ? op.render(output, call.requestId)
            : renderRestJson(op.status ?? 200, output, call.requestId);
        return {
          operation: op.name,
          access: plan.access,
          run: async () => render(await plan.run()),
        };
      }
      throw new ProtocolError(
        "UnknownOperationException",
        pathMatched ? 405 : 404,
        `no operation answers ${request.method} ${request.path}`,
      );
    },
  };
}
