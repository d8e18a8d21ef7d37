/**
 * A secret's value as a request carries it: `SecretString` or
 * `SecretBinary` (base64 text on the wire, kept as is), never both, each at
 * most 65,536 bytes (AWS's quota). Values are never logged or echoed in
 * errors.
 */
import { invalidParameter } from "./errors.js";
import { type Input, optionalString } from "./input.js";

/** The value part of a version. */
export interface SecretValue {
  readonly secretString?: string;
  readonly secretBinary?: string;
}

const MAX_VALUE = 65536;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads the value fields; `undefined` when neither is present.
 *
 * @example
 * readSecretValue({ SecretString: "hunter2" }); // { secretString: "hunter2" }
 */
export function readSecretValue(input: Input): SecretValue | undefined {
  const secretString = optionalString(input, "SecretString", 0, MAX_VALUE);
  const secretBinary = optionalString(input, "SecretBinary");
  if (secretString !== undefined && secretBinary !== undefined) {
    throw invalidParameter(
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
  if (secretBinary !== undefined) {
    if (secretBinary.length % 4 !== 0 || !BASE64.test(secretBinary)) {
      throw invalidParameter("`SecretBinary` must be base64-encoded");
    }
    if ((secretBinary.length / 4) * 3 > MAX_VALUE + 2) {
      throw invalidParameter(`\`SecretBinary\` must be at most ${MAX_VALUE} bytes`);
    }
    return { secretBinary };
  }
  return secretString === undefined ? undefined : { secretString };
}

/**
 * True when two values are the same (for idempotent retries).
 *
 * @example
 * sameValue({ secretString: "a" }, { secretString: "a" }); // true
 */
export function sameValue(a: SecretValue, b: SecretValue): boolean {
  return a.secretString === b.secretString && a.secretBinary === b.secretBinary;
}

/**
 * The value as output fields.
 *
 * @example
 * valueOutput({ secretString: "a" }); // { SecretString: "a" }
 */
export function valueOutput(value: SecretValue): Record<string, string> {
  if (value.secretBinary !== undefined) return { SecretBinary: value.secretBinary };
  return value.secretString === undefined ? {} : { SecretString: value.secretString };
}
