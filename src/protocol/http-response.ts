/**
 * The outgoing response as a plain value, produced by the protocol
 * serializers and written to the socket by the server.
 */

/** An HTTP response as the protocol layer produces it. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
