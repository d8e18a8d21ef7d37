/**
 * Renders a successful query-protocol response from a JS value. STS, IAM and
 * CloudFormation wrap the output in `<OpResult>` and add `<ResponseMetadata>`;
 * EC2 has no Result wrapper, puts `<requestId>` first and names list items
 * `<item>` instead of `<member>` (the member names themselves, lowerCamel in
 * EC2, are the service's to choose). An `undefined` result renders no
 * `<OpResult>`, as AWS does for operations without output.
 */
import type { HttpResponse } from "./http-response.js";
import { QUERY_SERVICES, type QueryService } from "./namespaces.js";
import { escapeXml, xmlContent } from "./xml.js";

/** What a query operation answered. */
export interface QueryOutput {
  readonly service: QueryService;
  readonly operation: string;
  readonly result: unknown;
  readonly requestId: string;
}

/**
 * Builds the XML body of a query-protocol answer.
 *
 * @example
 * renderQueryXml({ service: "sts", operation: "GetCallerIdentity",
 *   result: { Account: "000000000000" }, requestId: "r-1" });
 * // <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
 * //   <GetCallerIdentityResult><Account>000000000000</Account></GetCallerIdentityResult>…
 */
export function renderQueryXml(output: QueryOutput): string {
  const { service, operation, result, requestId } = output;
  const ns = QUERY_SERVICES[service].namespace;
  const root = `${operation}Response`;
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${ns}">`;
  if (service === "ec2") {
    return `${head}<requestId>${escapeXml(requestId)}</requestId>${xmlContent(result, "item")}</${root}>`;
  }
  const body =
    result === undefined
      ? ""
      : `<${operation}Result>${xmlContent(result, "member")}</${operation}Result>`;
  return `${head}${body}<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${root}>`;
}

/**
 * The whole HTTP answer (200, `text/xml`, request id header).
 *
 * @example
 * renderQueryResponse({ service: "iam", operation: "DeleteRole", result: undefined, requestId: "r" }).status; // 200
 */
export function renderQueryResponse(output: QueryOutput): HttpResponse {
  return {
    status: 200,
    headers: { "content-type": "text/xml", "x-amzn-requestid": output.requestId },
    body: renderQueryXml(output),
  };
}
