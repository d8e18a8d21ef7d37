/**
 * Whether a connection is loopback on both ends: the workload credentials
 * endpoints share the API's port, and vend credentials without a
 * signature, so they answer only when the server accepted the connection
 * on a loopback address from a loopback peer (never on a LAN interface of
 * a `--host 0.0.0.0` bind). Connections through the ECS task networks'
 * Unix domain socket count as loopback too: they are local by
 * construction (see `../unix-listener.ts`).
 */
import type { IncomingMessage } from "node:http";
import { isUnixSocketConnection } from "../unix-listener.js";

/**
 * Whether an address is loopback (127.0.0.0/8, ::1, or IPv4-mapped 127/8).
 *
 * @example
 * isLoopbackAddress("127.0.0.1"); // true
 * isLoopbackAddress("::ffff:10.0.0.5"); // false
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Whether the message arrived over a loopback connection.
 *
 * @example
 * isLoopbackConnection(message); // true for a client of 127.0.0.1:4566
 */
export function isLoopbackConnection(message: IncomingMessage): boolean {
  const { socket } = message;
  if (isUnixSocketConnection(socket)) return true;
  return isLoopbackAddress(socket.localAddress) && isLoopbackAddress(socket.remoteAddress);
}
