/**
 * IAM identifiers as AWS writes them: unique ids are a four-letter prefix
 * and 17 base32 characters (`AROA…` roles, `AIDA…` users, `ANPA…`
 * policies), access key ids a prefix and 16 (`AKIA…` long-term, `ASIA…`
 * temporary, 20 in all), secret keys 40 characters; plus the ARNs of
 * roles, users, policies and role sessions.
 */

/** A source of random bytes (injected so that tests stay deterministic). */
export type RandomBytes = (length: number) => Uint8Array;

/** The id prefixes accesslab issues. */
export type IdPrefix = "AROA" | "AIDA" | "ANPA" | "AKIA" | "ASIA";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function draw(alphabet: string, length: number, random: RandomBytes): string {
  return Array.from(random(length), (b) => alphabet[b % alphabet.length] ?? "A").join("");
}

/**
 * A unique id: 21 characters for roles, users and policies, 20 for access keys.
 *
 * @example
 * newUniqueId("AROA", random); // "AROAQ3EGT6PL2XWJ7KDMN"
 */
export function newUniqueId(prefix: IdPrefix, random: RandomBytes): string {
  const rest = prefix === "AKIA" || prefix === "ASIA" ? 16 : 17;
  return prefix + draw(BASE32, rest, random);
}

/**
 * A 40-character secret access key.
 *
 * @example
 * newSecretAccessKey(random).length; // 40
 */
export function newSecretAccessKey(random: RandomBytes): string {
  return draw(SECRET_ALPHABET, 40, random);
}

/** `arn:aws:iam::<account>:role<path><name>`. */
export function roleArn(account: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:role${path}${name}`;
}

/** The parts of a role ARN. */
export interface RoleArnParts {
  readonly account: string;
  /** `/` or `/a/b/`, as IAM writes paths. */
  readonly path: string;
  readonly roleName: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role(\/(?:[^/]+\/)*)([^/]+)$/;

/**
 * The account, path and name of a role ARN; `undefined` for anything else.
 *
 * @example
 * parseRoleArn("arn:aws:iam::111122223333:role/service-role/app"); // { account: "111122223333", path: "/service-role/", roleName: "app" }
 */
export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = ROLE_ARN.exec(arn);
  if (match === null) return undefined;
  const [, account = "", path = "/", roleName = ""] = match;
  return { account, path, roleName };
}

/** `arn:aws:iam::<account>:user<path><name>`. */
export function userArn(account: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:user${path}${name}`;
}

/** `arn:aws:iam::<account>:policy<path><name>`. */
export function policyArn(account: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:policy${path}${name}`;
}

/** The account root user's ARN. */
export function rootArn(account: string): string {
  return `arn:aws:iam::${account}:root`;
}

/** A role session's ARN: the role name without its path, then the session name. */
export function assumedRoleArn(account: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
}
