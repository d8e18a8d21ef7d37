/**
 * The ECS container credentials endpoint, `GET /v2/credentials/<id>`, as
 * the ECS agent serves it on 169.254.170.2 (RELATIVE_URI) and as a FULL_URI
 * with an `Authorization` token. The service decides; this file maps the
 * path and the header in and the document or `{Code, Message}` out.
 */
import type { HttpRequest } from "../../protocol/http-request.js";
import type { HttpResponse } from "../../protocol/http-response.js";
import { NO_ID } from "../../services/credentials/assumptions.js";
import { containerCredentials } from "../../services/credentials/container-credentials.js";
import type { ServerEnv } from "../env.js";
import { errorAnswer, jsonAnswer } from "./answers.js";

/** The path prefix of the container credentials endpoint. */
export const CONTAINER_CREDENTIALS_PREFIX = "/v2/credentials";

/**
 * Answers a request under {@link CONTAINER_CREDENTIALS_PREFIX}; service
 * errors propagate to the caller, which renders them.
 *
 * @example
 * answerContainerCredentials({ method: "GET", path: "/v2/credentials/<id>", … }, env).status; // 200
 */
export function answerContainerCredentials(request: HttpRequest, env: ServerEnv): HttpResponse {
  if (request.method !== "GET")
    return errorAnswer(405, "MethodNotAllowed", `method \`${request.method}\` is not allowed`);
  const id = decodeSegment(request.path.slice(CONTAINER_CREDENTIALS_PREFIX.length));
  if (id === "") return errorAnswer(NO_ID.status, NO_ID.code, NO_ID.message);
  const document = containerCredentials(env.services, id, request.headers.authorization);
  return jsonAnswer(200, document);
}

function decodeSegment(rest: string): string {
  const raw = rest.replace(/^\/+/, "").replace(/\/+$/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
