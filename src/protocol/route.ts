/**
 * Decides which service and operation a request is for, in the order of
 * aws-facts I1: the service name in the SigV4 credential scope (EFS signs as
 * `elasticfilesystem`), then `X-Amz-Target` (JSON 1.1), then `Action=` in the
 * query or form body (query protocol; without a scope the `Version=` names
 * the service), then the REST path (`/2015-02-01/…` EFS, `/2015-03-31/…`
 * Lambda). Nothing is verified here: authentication comes after routing
 * because the error codes depend on the service.
 */
import { ProtocolError } from "./errors.js";
import type { HttpRequest } from "./http-request.js";
import { QUERY_SERVICES } from "./namespaces.js";
import { queryParams } from "./query.js";
import { parseCredentialScope } from "./sigv4-header.js";
import type { Protocol } from "./wire-format.js";

/** Where a request goes. */
export interface Route {
  readonly service: string;
  readonly protocol: Protocol;
  /** Known for JSON 1.1 and query; rest-json operations are matched by the service. */
  readonly operation?: string;
}

/** Signing names that differ from accesslab's service ids. */
const SIGNING_NAMES: Record<string, string> = { elasticfilesystem: "efs" };

/** `X-Amz-Target` prefixes of the JSON 1.1 services. */
const TARGET_PREFIXES: Record<string, string> = {
  secretsmanager: "secretsmanager",
  AmazonEC2ContainerServiceV20141113: "ecs",
  AWSSimbaAPIService_v20180301: "fsx",
};

/** The protocol each service speaks, for a request with nothing else to go on. */
const SERVICE_PROTOCOLS: Record<string, Protocol> = {
  sts: "query",
  iam: "query",
  ec2: "query",
  cloudformation: "query",
  secretsmanager: "json",
  ecs: "json",
  fsx: "json",
  efs: "rest-json",
  lambda: "rest-json",
};

const REST_PREFIXES: readonly (readonly [string, string])[] = [
  ["/2015-02-01/", "efs"],
  ["/2015-03-31/functions", "lambda"],
];

/**
 * Routes a request; `undefined` when nothing identifies a service.
 *
 * @example
 * routeRequest(request); // { service: "secretsmanager", protocol: "json", operation: "GetSecretValue" }
 */
export function routeRequest(request: HttpRequest): Route | undefined {
  const signed = parseCredentialScope(request.headers)?.service;
  const scoped = signed === undefined ? undefined : (SIGNING_NAMES[signed] ?? signed);

  const target = request.headers["x-amz-target"];
  if (target !== undefined) {
    const dot = target.lastIndexOf(".");
    const service = TARGET_PREFIXES[target.slice(0, Math.max(dot, 0))];
    const fromTarget = scoped ?? service;
    if (fromTarget !== undefined && dot > 0) {
      return { service: fromTarget, protocol: "json", operation: target.slice(dot + 1) };
    }
  }

  const params = safeParams(request);
  const action = params?.get("Action");
  if (action !== undefined && action !== "") {
    const service = scoped ?? serviceOfVersion(params?.get("Version"));
    if (service !== undefined) return { service, protocol: "query", operation: action };
  }

  const rest = REST_PREFIXES.find(([prefix]) => request.path.startsWith(prefix))?.[1];
  if (rest !== undefined) return { service: scoped ?? rest, protocol: "rest-json" };

  if (scoped !== undefined) {
    const protocol = SERVICE_PROTOCOLS[scoped];
    if (protocol !== undefined) return { service: scoped, protocol };
  }
  return undefined;
}

function safeParams(request: HttpRequest): Map<string, string> | undefined {
  try {
    return queryParams(request);
  } catch (error) {
    if (error instanceof ProtocolError && error.httpStatus === 413) throw error;
    return undefined;
  }
}

function serviceOfVersion(version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  return Object.entries(QUERY_SERVICES).find(([, s]) => s.version === version)?.[0];
}
