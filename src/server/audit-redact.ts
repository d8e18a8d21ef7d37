/**
 * Keeps secret values out of an audit record's `errorMessage`: a service's
 * validation message may quote the input it refused, so on the error path
 * every value the request gave for a secret-bearing member (`SecretString`,
 * `SecretBinary`, passwords, tokens, function code) is replaced by
 * `***` wherever it appears in the message. Values shorter than
 * {@link MIN_SECRET_LENGTH} are left alone, as they cannot be told apart
 * from ordinary words.
 */
import type { HttpRequest } from "../protocol/http-request.js";

/** Members whose values are secret, matched case-insensitively at any depth. */
const SECRET_MEMBERS =
  /secretstring|secretbinary|password|secretaccesskey|sessiontoken|zipfile|token/i;

/** Shorter values are not redacted. */
export const MIN_SECRET_LENGTH = 4;

/**
 * `message` with the request's secret values masked.
 *
 * @example
 * redactSecrets("value `hunter22` is too long", request); // "value `***` is too long"
 */
export function redactSecrets(message: string, request: HttpRequest | undefined): string {
  if (request === undefined || request.body.length === 0) return message;
  let out = message;
  for (const value of secretValues(Buffer.from(request.body).toString("utf8"))) {
    if (value.length >= MIN_SECRET_LENGTH) out = out.split(value).join("***");
  }
  return out;
}

function secretValues(text: string): string[] {
  const values: string[] = [];
  try {
    collect(JSON.parse(text), false, values);
    return values;
  } catch {
    // Not JSON: a query form (`SecretString=…&…`).
  }
  for (const pair of text.split("&")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || !SECRET_MEMBERS.test(pair.slice(0, eq))) continue;
    try {
      values.push(decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " ")));
    } catch {
      values.push(pair.slice(eq + 1));
    }
  }
  return values;
}

function collect(value: unknown, secret: boolean, into: string[]): void {
  if (typeof value === "string") {
    if (secret) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, secret, into);
  } else if (value !== null && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) {
      collect(member, secret || SECRET_MEMBERS.test(key), into);
    }
  }
}
