/**
 * Unit tests of how a request names its VPC endpoint: the `/_vpce/<id>`
 * prefix is taken off the routed path but kept as the signed path, the
 * header works alone, and two different endpoints are refused.
 */
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../protocol/errors.js";
import type { HttpRequest } from "../protocol/http-request.js";
import { requestedEndpoint, withoutEndpointPrefix } from "./network-path.js";

const request = (path: string, headers: Record<string, string> = {}): HttpRequest => ({
  method: "POST",
  path,
  query: {},
  headers,
  body: new Uint8Array(),
});

describe("withoutEndpointPrefix", () => {
  it("takes the prefix off and keeps the signed path", () => {
    const stripped = withoutEndpointPrefix(request("/_vpce/vpce-0abc/2015-02-01/file-systems"));
    expect(stripped.path).toBe("/2015-02-01/file-systems");
    expect(stripped.signedPath).toBe("/_vpce/vpce-0abc/2015-02-01/file-systems");
    expect(withoutEndpointPrefix(request("/_vpce/vpce-0abc")).path).toBe("/");
    expect(requestedEndpoint(stripped)).toBe("vpce-0abc");
  });

  it("leaves other paths alone", () => {
    const plain = request("/");
    expect(withoutEndpointPrefix(plain)).toBe(plain);
    expect(requestedEndpoint(plain)).toBeUndefined();
  });
});

describe("requestedEndpoint", () => {
  it("reads the header, and refuses two different endpoints", () => {
    expect(requestedEndpoint(request("/", { "x-accesslab-vpce": "vpce-1" }))).toBe("vpce-1");
    const both = withoutEndpointPrefix(request("/_vpce/vpce-1/", { "x-accesslab-vpce": "vpce-2" }));
    expect(() => requestedEndpoint(both)).toThrow(ProtocolError);
    const same = withoutEndpointPrefix(request("/_vpce/vpce-1/", { "x-accesslab-vpce": "vpce-1" }));
    expect(requestedEndpoint(same)).toBe("vpce-1");
  });
});
