/**
 * Renders any AWS error for the wire format of the request: query XML
 * (`<ErrorResponse><Error><Type>Sender|Receiver</Type>…`), EC2's
 * `<Response><Errors><Error>…</Errors><RequestID>` variant, JSON 1.1
 * (`{"__type", "Message"}`) and rest-json (`{"ErrorCode", "Message"}`), the
 * two JSON ones with the `x-amzn-errortype` header that the JS SDK v3 reads
 * first; an error's extra `fields` (e.g. EFS's `FileSystemId`) join the two
 * JSON bodies, never the XML ones. The body says `Message`, as Secrets Manager and EFS do (aws-facts
 * I3); the JS SDK v3 reads `message` then `Message` into `error.message`.
 */
import type { AwsError } from "./errors.js";
import type { HttpResponse } from "./http-response.js";
import { isQueryService, QUERY_SERVICES } from "./namespaces.js";
import type { WireFormat } from "./wire-format.js";
import { escapeXml } from "./xml.js";

/** Where an error is going. */
export interface ErrorTarget {
  readonly format: WireFormat;
  readonly requestId: string;
  /** The service, when known: query errors carry its XML namespace. */
  readonly service?: string;
}

/**
 * The HTTP answer for `error` in the request's wire format.
 *
 * @example
 * renderError(new ProtocolError("ValidationError", 400, "bad"),
 *   { format: "query", requestId: "r-1", service: "iam" }).status; // 400
 */
export function renderError(error: AwsError, target: ErrorTarget): HttpResponse {
  const { format, requestId } = target;
  const idHeader = { "x-amzn-requestid": requestId };
  switch (format) {
    case "query": {
      const ns =
        target.service !== undefined && isQueryService(target.service)
          ? ` xmlns="${QUERY_SERVICES[target.service].namespace}"`
          : "";
      const type = error.senderFault ? "Sender" : "Receiver";
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`;
      return {
        status: error.httpStatus,
        headers: { "content-type": "text/xml", ...idHeader },
        body,
      };
    }
    case "ec2": {
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`;
      return {
        status: error.httpStatus,
        headers: { "content-type": "text/xml", ...idHeader },
        body,
      };
    }
    case "json":
      return {
        status: error.httpStatus,
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-errortype": error.code,
          ...idHeader,
        },
        body: JSON.stringify({ ...error.fields, __type: error.code, Message: error.message }),
      };
    case "rest-json":
      return {
        status: error.httpStatus,
        headers: {
          "content-type": "application/json",
          "x-amzn-errortype": error.code,
          ...idHeader,
        },
        body: JSON.stringify({ ...error.fields, ErrorCode: error.code, Message: error.message }),
      };
  }
}
