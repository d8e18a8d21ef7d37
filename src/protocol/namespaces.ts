/**
 * The XML namespaces and API versions of the query-protocol services. The
 * namespace goes on the root element of every response; the version is what
 * clients send as `Version=` and lets a request without a signature be routed.
 */

/** A service spoken over the query protocols. */
export type QueryService = "sts" | "iam" | "ec2" | "cloudformation";

/** Namespace and API version per query service. */
export const QUERY_SERVICES: Record<QueryService, { namespace: string; version: string }> = {
  sts: { namespace: "https://sts.amazonaws.com/doc/2011-06-15/", version: "2011-06-15" },
  iam: { namespace: "https://iam.amazonaws.com/doc/2010-05-08/", version: "2010-05-08" },
  ec2: { namespace: "http://ec2.amazonaws.com/doc/2016-11-15/", version: "2016-11-15" },
  cloudformation: {
    namespace: "http://cloudformation.amazonaws.com/doc/2010-05-15/",
    version: "2010-05-15",
  },
};

/**
 * True when `service` is one of the query-protocol services.
 *
 * @example
 * isQueryService("iam"); // true
 */
export function isQueryService(service: string): service is QueryService {
  return Object.hasOwn(QUERY_SERVICES, service);
}
