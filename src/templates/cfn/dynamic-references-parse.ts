/**
 * Reading dynamic references out of a string: where each
 * `{{resolve:<service>:<body>}}` of the three services CloudFormation
 * resolves (`ssm`, `ssm-secure`, `secretsmanager`) starts, and what a
 * Secrets Manager one asks for. AWS's pattern (the CloudFormation guide,
 * "Get a secret or secret value from Secrets Manager") is
 * `{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}`:
 * the secret id is a name or a full ARN (whose own colons belong to it),
 * every later segment is optional and may be empty
 * (`{{resolve:secretsmanager:MySecret::password}}` is the `password` key of
 * the SecretString), no segment may hold a colon, and the second segment
 * can only be `SecretString`. A malformed reference is a problem with the
 * 1-based character of the string where it goes wrong.
 */

/**
 * The guide says to give either version-stage or version-id, not both; a
 * user report (the CloudFormation coverage roadmap's issue 1976) says
 * CloudFormation accepts both without complaint, and GetSecretValue then
 * needs the version with that id to carry that stage. Unconfirmed: both
 * are accepted and asked together (set to false to refuse the pair).
 */
export const VERSION_STAGE_WITH_VERSION_ID_ACCEPTED = true;

/** A service whose dynamic references CloudFormation resolves. */
export type DynamicReferenceService = "ssm" | "ssm-secure" | "secretsmanager";

/** One dynamic reference found in a string. */
export interface DynamicReferenceMatch {
  readonly service: DynamicReferenceService;
  /** The reference as written, braces included. */
  readonly whole: string;
  /** What follows `<service>:`, or `undefined` when nothing does (`{{resolve:ssm}}`). */
  readonly body: string | undefined;
  /** The 0-based index of its `{{` in the string. */
  readonly start: number;
}

/** What a `secretsmanager` reference asks for. */
export interface SecretsManagerReference {
  /** A secret name or ARN. */
  readonly secretId: string;
  /** The key of the SecretString's JSON object; without it, the whole SecretString. */
  readonly jsonKey?: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

/** Why a reference cannot be read, and the 1-based character of the string where. */
export interface ReferenceProblem {
  readonly problem: string;
  readonly character: number;
}

const PATTERN = /\{\{resolve:(ssm-secure|ssm|secretsmanager)(?::([^}]*))?\}\}/g;
const SHAPE = "secret-id:SecretString:json-key:version-stage:version-id";

/**
 * Every dynamic reference in `text`, in order.
 *
 * @example
 * dynamicReferencesIn("u={{resolve:ssm:/u}};p={{resolve:secretsmanager:db::pw}}").map((r) => r.service);
 * // ["ssm", "secretsmanager"]
 */
export function dynamicReferencesIn(text: string): DynamicReferenceMatch[] {
  return [...text.matchAll(PATTERN)].map((m) => ({
    service: m[1] as DynamicReferenceService,
    whole: m[0],
    body: m[2],
    start: m.index,
  }));
}

/**
 * True for a problem rather than a reference.
 *
 * @example
 * isReferenceProblem({ problem: "x", character: 1 }); // true
 */
export function isReferenceProblem(
  value: SecretsManagerReference | ReferenceProblem,
): value is ReferenceProblem {
  return "problem" in value;
}

/**
 * What a `secretsmanager` reference asks for, or where it goes wrong.
 *
 * @example
 * parseSecretsManagerReference(dynamicReferencesIn("{{resolve:secretsmanager:db::password}}")[0]!);
 * // { secretId: "db", jsonKey: "password" }
 */
export function parseSecretsManagerReference(
  match: DynamicReferenceMatch,
): SecretsManagerReference | ReferenceProblem {
  const bodyStart = match.start + `{{resolve:${match.service}:`.length;
  if (match.body === undefined || match.body === "") {
    return {
      problem: `a secretsmanager dynamic reference needs a secret id: \`{{resolve:secretsmanager:${SHAPE}}}\``,
      character: match.start + match.whole.length - 1,
    };
  }
  const segments = splitWithOffsets(match.body, bodyStart);
  const idLength = segments[0]?.text === "arn" ? 7 : 1;
  const idSegments = segments.slice(0, idLength);
  const secretId = idSegments.map((s) => s.text).join(":");
  const at = (index: number) => segments[index]?.character ?? bodyStart + 1;
  if (idLength === 7 && !isSecretArn(idSegments.map((s) => s.text))) {
    return {
      problem: `\`${secretId}\` is not a secret ARN (\`arn:<partition>:secretsmanager:<region>:<account>:secret:<name>\`)`,
      character: at(0),
    };
  }
  if (secretId === "") return { problem: "the secret id is empty", character: at(0) };
  const [kind, jsonKey, versionStage, versionId, ...extra] = segments.slice(idLength);
  if (extra.length > 0) {
    return {
      problem: `too many segments: a secretsmanager dynamic reference is \`${SHAPE}\``,
      character: extra[0]?.character ?? at(0),
    };
  }
  if (kind !== undefined && kind.text !== "" && kind.text !== "SecretString") {
    return {
      problem: `the segment after the secret id must be \`SecretString\` (or empty), not \`${kind.text}\``,
      character: kind.character,
    };
  }
  if (!VERSION_STAGE_WITH_VERSION_ID_ACCEPTED && versionStage?.text && versionId?.text) {
    return {
      problem: "give version-stage or version-id, not both",
      character: versionId.character,
    };
  }
  return {
    secretId,
    ...(jsonKey?.text ? { jsonKey: jsonKey.text } : {}),
    ...(versionStage?.text ? { versionStage: versionStage.text } : {}),
    ...(versionId?.text ? { versionId: versionId.text } : {}),
  };
}

/** `text` split at colons, each piece with the 1-based character it starts at. */
function splitWithOffsets(
  text: string,
  start: number,
): { readonly text: string; readonly character: number }[] {
  let offset = start;
  return text.split(":").map((piece) => {
    const segment = { text: piece, character: offset + 1 };
    offset += piece.length + 1;
    return segment;
  });
}

/** `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`. */
function isSecretArn(parts: readonly string[]): boolean {
  return (
    parts.length === 7 &&
    parts[1] !== "" &&
    parts[2] === "secretsmanager" &&
    parts[5] === "secret" &&
    parts[6] !== ""
  );
}
