/**
 * The errors a SigV4 check can end in, with the code each family of AWS
 * services uses for it. Query services (STS, IAM) answer
 * `MissingAuthenticationToken`, `IncompleteSignature`, `InvalidClientTokenId`,
 * `ExpiredToken` and `SignatureDoesNotMatch` (also for a skewed clock, with
 * "Signature expired: … is now earlier than … (… - 15 min.)"); JSON services
 * (Secrets Manager, ECS, EFS, Lambda) use the `…Exception` names with
 * `UnrecognizedClientException` and `InvalidSignatureException`; EC2 answers
 * `AuthFailure` and `RequestExpired`. (`RequestTimeTooSkewed` is S3's, not
 * served here.) The JS SDK treats every skew code here as clock skew and
 * retries with a corrected clock.
 */
import { ProtocolError } from "./errors.js";

/** Why a signature check failed. */
export type SigV4Failure =
  | "missing"
  | "incomplete"
  | "unknownKey"
  | "expiredToken"
  | "badToken"
  | "badSignature"
  | "skewed";

/** Which family's codes to answer with. */
export type AuthDialect = "query" | "ec2" | "json";

type Code = readonly [code: string, status: number];

const CODES: Record<SigV4Failure, Record<AuthDialect, Code>> = {
  missing: {
    query: ["MissingAuthenticationToken", 403],
    ec2: ["MissingAuthenticationToken", 401],
    json: ["MissingAuthenticationTokenException", 403],
  },
  incomplete: {
    query: ["IncompleteSignature", 400],
    ec2: ["IncompleteSignature", 400],
    json: ["IncompleteSignatureException", 400],
  },
  unknownKey: {
    query: ["InvalidClientTokenId", 403],
    ec2: ["AuthFailure", 401],
    json: ["UnrecognizedClientException", 403],
  },
  expiredToken: {
    query: ["ExpiredToken", 403],
    ec2: ["RequestExpired", 400],
    json: ["ExpiredTokenException", 403],
  },
  badToken: {
    query: ["InvalidClientTokenId", 403],
    ec2: ["AuthFailure", 401],
    json: ["UnrecognizedClientException", 403],
  },
  badSignature: {
    query: ["SignatureDoesNotMatch", 403],
    ec2: ["AuthFailure", 401],
    json: ["InvalidSignatureException", 403],
  },
  skewed: {
    query: ["SignatureDoesNotMatch", 403],
    ec2: ["RequestExpired", 400],
    json: ["InvalidSignatureException", 403],
  },
};

const MESSAGES: Record<SigV4Failure, string> = {
  missing: "Request is missing Authentication Token",
  incomplete: "The request signature does not conform to AWS standards.",
  unknownKey: "The security token included in the request is invalid.",
  expiredToken: "The security token included in the request is expired",
  badToken: "The security token included in the request is invalid.",
  badSignature:
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  skewed: "Signature expired",
};

/**
 * The error for a failed check, in the family's code.
 *
 * @example
 * sigv4Error("badSignature", "json").code; // "InvalidSignatureException"
 */
export function sigv4Error(
  failure: SigV4Failure,
  dialect: AuthDialect,
  message = MESSAGES[failure],
): ProtocolError {
  const [code, status] = CODES[failure][dialect];
  return new ProtocolError(code, status, message);
}

/**
 * The dialect of a routed request.
 *
 * @example
 * authDialectOf({ service: "secretsmanager", protocol: "json" }); // "json"
 */
export function authDialectOf(route: { service: string; protocol: string }): AuthDialect {
  if (route.protocol !== "query") return "json";
  return route.service === "ec2" ? "ec2" : "query";
}
