/**
 * The four wire formats accesslab speaks, and which one a routed request
 * uses: EC2 is a query service with its own response and error shapes, so it
 * gets a format of its own.
 */

/** A wire format: how bodies and errors are written. */
export type WireFormat = "query" | "ec2" | "json" | "rest-json";

/** The protocols a request can be routed to. */
export type Protocol = "query" | "json" | "rest-json";

/**
 * The wire format of a routed request.
 *
 * @example
 * wireFormatOf({ service: "ec2", protocol: "query" }); // "ec2"
 */
export function wireFormatOf(route: { service: string; protocol: Protocol }): WireFormat {
  return route.protocol === "query" && route.service === "ec2" ? "ec2" : route.protocol;
}
