/**
 * An instance's route table for TCP connections to emulated private
 * addresses: keys are `host:port` (the host in lower case, without a
 * trailing dot) or `host:*` for every other port of that host; a route
 * either sends the connection to a local address (the server standing for
 * the private one) or refuses it with accesslab's reason. Plain JSON, so
 * the serve process can hand it to the instance in an environment
 * variable; pure, so both sides share it.
 */

/** Where a connection goes instead, or why it is refused. */
export type Route =
  | { readonly to: { readonly host: string; readonly port: number } }
  | { readonly refused: string };

/** Routes by `host:port` or `host:*`. */
export type RouteTable = Readonly<Record<string, Route>>;

/**
 * The key of `host` on `port` (or `*` for every other port of the host).
 *
 * @example
 * routeKey("AMZNFSXAB12CD34.corp.example.com.", 445); // "amznfsxab12cd34.corp.example.com:445"
 */
export function routeKey(host: string, port: number | "*"): string {
  return `${host.toLowerCase().replace(/\.$/, "")}:${port}`;
}

/**
 * The route of a connection to `host:port`, or undefined when the table
 * does not know the host (the connection is left alone).
 *
 * @example
 * routeFor({ "10.0.1.4:445": { to: { host: "127.0.0.1", port: 40123 } } }, "10.0.1.4", 445);
 * // { to: { host: "127.0.0.1", port: 40123 } }
 */
export function routeFor(table: RouteTable, host: string, port: number): Route | undefined {
  if (!Number.isInteger(port)) return undefined;
  return table[routeKey(host, port)] ?? table[routeKey(host, "*")];
}
