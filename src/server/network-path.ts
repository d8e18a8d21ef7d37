/**
 * How a client says which VPC endpoint its call came through, since a
 * local process has no VPC: a `/_vpce/<endpoint id>` prefix on the
 * endpoint URL (so an unmodified SDK with
 * `AWS_ENDPOINT_URL_SECRETS_MANAGER=http://127.0.0.1:4566/_vpce/vpce-…`
 * goes through it), or an `x-accesslab-vpce` header. The prefix is taken
 * off before routing, and the path as sent is kept as `signedPath`, which
 * SigV4 verification uses because the client signed it.
 */
import { ProtocolError } from "../protocol/errors.js";
import type { HttpRequest } from "../protocol/http-request.js";

/** The request header naming the endpoint. */
export const VPCE_HEADER = "x-accesslab-vpce";

const PREFIX = /^\/_vpce\/([^/?]+)(\/.*)?$/;

/**
 * The request with any `/_vpce/<id>` prefix taken off its path.
 *
 * @example
 * withoutEndpointPrefix(request).path; // "/" for a request sent to "/_vpce/vpce-0abc/"
 */
export function withoutEndpointPrefix(request: HttpRequest): HttpRequest {
  const match = PREFIX.exec(request.path);
  if (match === null) return request;
  return { ...request, path: match[2] ?? "/", signedPath: request.path };
}

/**
 * The endpoint id the request names (prefix or header), or `undefined`.
 * Naming two different endpoints is a 400 with `code` (the service
 * family's invalid-request code).
 *
 * @example
 * requestedEndpoint({ ...request, headers: { "x-accesslab-vpce": "vpce-0abc" } }); // "vpce-0abc"
 */
export function requestedEndpoint(
  request: HttpRequest,
  code = "InvalidRequestException",
): string | undefined {
  const fromPath =
    request.signedPath === undefined ? undefined : PREFIX.exec(request.signedPath)?.[1];
  const fromHeader = request.headers[VPCE_HEADER]?.trim();
  if (fromPath !== undefined && fromHeader !== undefined && fromPath !== fromHeader) {
    throw new ProtocolError(
      code,
      400,
      `the request names two VPC endpoints: \`${fromPath}\` in its path and \`${fromHeader}\` in \`${VPCE_HEADER}\``,
    );
  }
  return fromPath ?? (fromHeader === "" ? undefined : fromHeader);
}
