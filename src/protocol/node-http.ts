/**
 * The edge between node's HTTP server and the protocol values: read a
 * request's body (with a size cap, so an oversized upload is refused instead
 * of buffered) into an `HttpRequest`, and write an `HttpResponse` back. The
 * server's handler chain sits between these two calls.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ProtocolError } from "./errors.js";
import { fromIncomingMessage, type HttpRequest } from "./http-request.js";
import type { HttpResponse } from "./http-response.js";

/** Bodies larger than this are refused unless the caller says otherwise (16 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Reads the whole request; rejects with a 413 `RequestEntityTooLarge`
 * `ProtocolError` past `maxBytes`.
 *
 * @example
 * http.createServer(async (message, res) => {
 *   const request = await readRequest(message);
 *   writeResponse(res, handle(request));
 * });
 */
export async function readRequest(
  message: IncomingMessage,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<HttpRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        message.off("data", onData);
        message.resume();
        reject(
          new ProtocolError(
            "RequestEntityTooLarge",
            413,
            `request body is larger than ${maxBytes} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    };
    message.on("data", onData);
    message.once("end", () => resolve());
    message.once("error", reject);
    message.once("close", () => {
      if (!message.complete) reject(new Error("the client closed the connection mid-request"));
    });
  });
  const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  return fromIncomingMessage(message, new Uint8Array(body.buffer, body.byteOffset, body.length));
}

/**
 * Writes a response value to node's response object.
 *
 * @example
 * writeResponse(res, { status: 200, headers: { "content-type": "text/xml" }, body: "<x/>" });
 */
export function writeResponse(res: ServerResponse, response: HttpResponse): void {
  const body = Buffer.from(response.body, "utf8");
  res.writeHead(response.status, { ...response.headers, "content-length": body.length });
  res.end(body);
}
