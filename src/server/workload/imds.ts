/**
 * The EC2 instance metadata service (IMDSv2) for the local "instance":
 * `PUT /latest/api/token` (TTL header 1..21600, else 400; refused with 403
 * when proxied, i.e. with `X-Forwarded-For`), then token-bearing GETs of
 * `meta-data/iam/security-credentials/` (the role name), `…/<role>` (the
 * credentials document, aws-facts D8/D9) and `meta-data/instance-id`.
 * Without a valid token a GET is 401 unless the profile allows IMDSv1; an
 * instance without a profile answers 404, as EC2 does.
 */
import type { HttpRequest } from "../../protocol/http-request.js";
import type { HttpResponse } from "../../protocol/http-response.js";
import { instanceCredentials } from "../../services/credentials/instance-credentials.js";
import { getInstanceProfile } from "../../services/credentials/instance-profile.js";
import type { InstanceProfile } from "../../services/credentials/model.js";
import type { ServerEnv } from "../env.js";
import { imdsError, jsonAnswer, textAnswer } from "./answers.js";
import { issueImdsToken, parseTokenTtl, verifyImdsToken } from "./imds-token.js";

/** The path prefix IMDS answers under. */
export const IMDS_PREFIX = "/latest/";

const TOKEN_PATH = "/latest/api/token";
const TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";
const TOKEN_HEADER = "x-aws-ec2-metadata-token";
const CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

/**
 * Answers a request under {@link IMDS_PREFIX}.
 *
 * @example
 * answerImds({ method: "PUT", path: "/latest/api/token", headers: { "x-aws-ec2-metadata-token-ttl-seconds": "60" }, … }, env).status; // 200
 */
export function answerImds(request: HttpRequest, env: ServerEnv): HttpResponse {
  if (request.path === TOKEN_PATH) return answerToken(request, env);
  if (request.method !== "GET") return imdsError(405);
  const profile = getInstanceProfile(env.services);
  const token = request.headers[TOKEN_HEADER];
  const v1 = token === undefined && profile?.imdsV1Allowed === true;
  if (!v1 && !verifyImdsToken(env, token)) return imdsError(401);
  return answerMetadata(request.path, env, profile);
}

function answerToken(request: HttpRequest, env: ServerEnv): HttpResponse {
  if (request.method !== "PUT") return imdsError(405);
  if (request.headers["x-forwarded-for"] !== undefined) return imdsError(403);
  const ttl = parseTokenTtl(request.headers[TTL_HEADER]);
  if (ttl === undefined) return imdsError(400);
  return textAnswer(200, issueImdsToken(env, ttl), { [TTL_HEADER]: String(ttl) });
}

function answerMetadata(
  path: string,
  env: ServerEnv,
  profile: InstanceProfile | undefined,
): HttpResponse {
  if (path === "/latest/meta-data/instance-id" && profile)
    return textAnswer(200, profile.instanceId);
  if (path === CREDENTIALS_PATH || path === CREDENTIALS_PATH.slice(0, -1)) {
    return profile === undefined ? imdsError(404) : textAnswer(200, profile.roleName);
  }
  if (path.startsWith(CREDENTIALS_PATH)) {
    const answer = instanceCredentials(env.services, decode(path.slice(CREDENTIALS_PATH.length)));
    return answer ? jsonAnswer(answer.status, answer.document) : imdsError(404);
  }
  return imdsError(404);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
