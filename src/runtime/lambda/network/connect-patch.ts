/**
 * Routing an instance's TCP connections through its route table by
 * replacing `net.Socket.prototype.connect`, which every TCP client in
 * Node goes through (`net.connect`, `net.createConnection`, `new
 * net.Socket().connect`, `tls.connect`, HTTP agents): a dial the table
 * routes is sent to the local address instead (the connect listener given
 * still runs on success; the socket's `remoteAddress` is then the local
 * one), a dial it refuses fails as a refused connect does
 * (`refused-connect.ts`), and every other dial, path sockets included, is
 * passed on untouched.
 */
import type { Socket } from "node:net";
import { readConnectArgs } from "./connect-args.js";
import { refuseConnect } from "./refused-connect.js";
import { type RouteTable, routeFor } from "./route-table.js";

type Connect = (this: Socket, ...args: unknown[]) => Socket;

/**
 * Routes the connects of every socket of `socketClass` through `table`;
 * answers a function that restores the previous `connect`.
 *
 * @example
 * const restore = patchConnect(net.Socket, { "10.0.1.4:445": { to: { host: "127.0.0.1", port: 40123 } } });
 * net.connect(445, "10.0.1.4"); // connects to 127.0.0.1:40123
 * restore();
 */
export function patchConnect(socketClass: typeof Socket, table: RouteTable): () => void {
  const prototype = socketClass.prototype as unknown as { connect: Connect };
  const original = prototype.connect;
  // named `patched`: test/runtime/lambda-fsx-connect.test.ts dials only when it sees this name
  const patched: Connect = function (this: Socket, ...args: unknown[]): Socket {
    const dial = readConnectArgs(args);
    const route = dial === undefined ? undefined : routeFor(table, dial.host, dial.port);
    if (dial === undefined || route === undefined) return original.apply(this, args);
    if ("refused" in route) return refuseConnect(this, dial.host, dial.port, route.refused);
    const options = { ...dial.options, host: route.to.host, port: route.to.port };
    return dial.listener === undefined
      ? original.call(this, options)
      : original.call(this, options, dial.listener);
  };
  prototype.connect = patched;
  return () => {
    if (prototype.connect === patched) prototype.connect = original;
  };
}
