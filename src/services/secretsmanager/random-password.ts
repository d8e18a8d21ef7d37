/**
 * Random passwords as Secrets Manager's GetRandomPassword makes them, and
 * as CloudFormation's `GenerateSecretString` asks for them: a length (32
 * by default), character classes that can be left out (numbers,
 * punctuation, upper and lower case), a space only when asked for, single
 * characters to exclude, and at least one character of every class left
 * in (`RequireEachIncludedType`, true by default). Pure: the random bytes
 * are a parameter.
 */

/** The punctuation GetRandomPassword draws from (AWS API reference). */
export const PASSWORD_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

/** What the password is made of. */
export interface PasswordSpec {
  readonly passwordLength?: number;
  readonly excludeCharacters?: string;
  readonly excludeNumbers?: boolean;
  readonly excludePunctuation?: boolean;
  readonly excludeUppercase?: boolean;
  readonly excludeLowercase?: boolean;
  readonly includeSpace?: boolean;
  readonly requireEachIncludedType?: boolean;
}

/** The password, or why the spec cannot make one. */
export type PasswordResult =
  | { readonly ok: true; readonly password: string }
  | { readonly ok: false; readonly message: string };

/**
 * A password for `spec`, drawing bytes from `random`.
 *
 * @example
 * randomPassword({ passwordLength: 8, excludePunctuation: true }, (n) => crypto.getRandomValues(new Uint8Array(n)));
 * // { ok: true, password: "q3ZtR8aB" }
 */
export function randomPassword(
  spec: PasswordSpec,
  random: (length: number) => Uint8Array,
): PasswordResult {
  const length = spec.passwordLength ?? 32;
  if (!Number.isInteger(length) || length < 1 || length > 4096)
    return { ok: false, message: "PasswordLength must be between 1 and 4096" };
  const excluded = new Set(spec.excludeCharacters ?? "");
  const classes = [
    spec.excludeUppercase ? "" : UPPER,
    spec.excludeLowercase ? "" : LOWER,
    spec.excludeNumbers ? "" : DIGITS,
    spec.excludePunctuation ? "" : PASSWORD_PUNCTUATION,
    spec.includeSpace ? " " : "",
  ]
    .map((set) => [...set].filter((c) => !excluded.has(c)).join(""))
    .filter((set) => set.length > 0);
  const alphabet = classes.join("");
  if (alphabet.length === 0)
    return { ok: false, message: "the password settings leave no character to choose from" };
  const requireEach = spec.requireEachIncludedType ?? true;
  if (requireEach && classes.length > length)
    return {
      ok: false,
      message: `PasswordLength ${length} is too short to include each of ${classes.length} character types`,
    };
  for (;;) {
    const password = pick(alphabet, length, random);
    if (!requireEach || classes.every((set) => [...password].some((c) => set.includes(c))))
      return { ok: true, password };
  }
}

/** `length` characters of `alphabet`, without modulo bias (bytes past the last full cycle are redrawn). */
function pick(alphabet: string, length: number, random: (length: number) => Uint8Array): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of random(length - out.length)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}
