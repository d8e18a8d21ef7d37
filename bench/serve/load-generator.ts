/**
 * An autocannon-style load generator small enough to read: N keep-alive
 * TCP connections, each sending one pre-serialized HTTP/1.1 request, waiting
 * for the whole answer (status line, `content-length` body) and sending the
 * next, until the duration is over. It records every latency, so the
 * percentiles are exact, and counts non-2xx answers and socket errors.
 * Raw sockets keep the client cheap, so on a small machine the numbers
 * measure the server rather than the client.
 */
import { connect, type Socket } from "node:net";

/** What to send and for how long. */
export interface LoadOptions {
  readonly host: string;
  readonly port: number;
  /** The request bytes, sent as is (must carry `connection: keep-alive`). */
  readonly request: Buffer;
  readonly connections: number;
  readonly durationMs: number;
}

/** What came back. */
export interface LoadResult {
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly elapsedMs: number;
  /** Latencies in milliseconds, sorted ascending. */
  readonly latencies: Float64Array;
}

/**
 * Runs the load.
 *
 * @example
 * const r = await runLoad({ host: "127.0.0.1", port, request, connections: 16, durationMs: 5000 });
 * r.requests / (r.elapsedMs / 1000); // requests per second
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.connections }, () =>
      driveConnection(options, deadline, (ms, status) => {
        latencies.push(ms);
        if (status < 200 || status > 299) non2xx++;
      }).catch(() => {
        errors++;
      }),
    ),
  );
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    non2xx,
    errors,
    elapsedMs: performance.now() - started,
    latencies: sorted,
  };
}

/**
 * The value at percentile `p` (0–100) of sorted latencies.
 *
 * @example
 * percentile(Float64Array.of(1, 2, 3, 4), 50); // 2
 */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function driveConnection(
  options: LoadOptions,
  deadline: number,
  record: (ms: number, status: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: options.host, port: options.port, noDelay: true });
    let buffer: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    const sendNext = () => {
      if (performance.now() >= deadline) {
        socket.end();
        resolve();
        return;
      }
      sentAt = performance.now();
      socket.write(options.request);
    };
    socket.on("connect", sendNext);
    socket.on("error", reject);
    socket.on("close", () => resolve());
    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString("latin1");
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? "0");
        if (buffer.length < end + 4 + length) return;
        const status = Number(head.slice(9, 12));
        buffer = buffer.subarray(end + 4 + length);
        record(performance.now() - sentAt, status);
        sendNext();
      }
    });
  });
}
