/**
 * Reading the arguments of `net.Socket.prototype.connect` the way Node
 * does: an options object (`{ port, host }`, or `{ path }` for a local
 * socket), a port with an optional host (`localhost` by default), a path,
 * each with an optional trailing connect listener; `net.connect` and
 * `net.createConnection` pass the pair they already read (`[options,
 * listener]`) as one array. Only TCP dials are answered; a path is not.
 */

/** A TCP dial, with what it was given. */
export interface TcpDial {
  readonly host: string;
  readonly port: number;
  /** The options as given (or built from a port and host). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The connect listener, when one was given. */
  readonly listener?: () => void;
}

/** Node's default host for a TCP connect without one. */
const DEFAULT_HOST = "localhost";

/**
 * The TCP dial `args` ask for, or undefined for a path (IPC) socket.
 *
 * @example
 * readConnectArgs([445, "10.0.1.4", () => {}]); // { host: "10.0.1.4", port: 445, options: { port: 445, host: "10.0.1.4" }, listener: [Function] }
 * readConnectArgs([{ path: "/tmp/s.sock" }]); // undefined
 */
export function readConnectArgs(args: readonly unknown[]): TcpDial | undefined {
  const list = Array.isArray(args[0]) ? (args[0] as readonly unknown[]) : args;
  const [first, second] = list;
  const last = list[list.length - 1];
  const listener = typeof last === "function" ? { listener: last as () => void } : {};
  if (typeof first === "object" && first !== null) {
    const options = first as Readonly<Record<string, unknown>>;
    if (options.path !== undefined && options.path !== null) return undefined;
    const host = typeof options.host === "string" ? options.host : DEFAULT_HOST;
    return { host, port: Number(options.port), options, ...listener };
  }
  if (typeof first !== "number" && !(typeof first === "string" && isPort(first))) return undefined;
  const host = typeof second === "string" ? second : DEFAULT_HOST;
  return { host, port: Number(first), options: { port: first, host }, ...listener };
}

/** Whether a string argument is a port rather than a path, as Node decides. */
function isPort(text: string): boolean {
  return Number(text) >= 0;
}
