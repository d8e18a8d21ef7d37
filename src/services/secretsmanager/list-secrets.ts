/**
 * ListSecrets: every secret of the account and region (those scheduled
 * for deletion only with `IncludePlannedDeletion`), narrowed by `Filters`
 * (each value a prefix; a leading `!` negates; values of one filter are
 * alternatives, filters all apply), ordered by name (`SortOrder` `asc` or
 * `desc`), in pages of `MaxResults` (1–100, default 100) with an opaque
 * `NextToken`.
 */
import type { ServiceContext } from "../context.js";
import { LIST_ORDER } from "./assumptions.js";
import { listEntry } from "./describe-secret.js";
import { invalidParameter } from "./errors.js";
import {
  type Input,
  optionalBoolean,
  optionalInteger,
  optionalObjects,
  optionalString,
  optionalStrings,
  requiredString,
} from "./input.js";
import { SECRET_RECORD, type Secret } from "./model.js";

const FILTER_KEYS = [
  "description",
  "name",
  "tag-key",
  "tag-value",
  "primary-region",
  "owning-service",
  "all",
];

interface Filter {
  readonly key: string;
  readonly values: readonly string[];
}

/** A checked ListSecrets request. */
export interface ListSecretsRequest {
  readonly max: number;
  readonly start: number;
  readonly includeDeleted: boolean;
  readonly descending: boolean;
  readonly filters: readonly Filter[];
}

/**
 * Reads ListSecrets' input.
 *
 * @example
 * readListSecrets({ MaxResults: 1 }).max; // 1
 */
export function readListSecrets(input: Input): ListSecretsRequest {
  const max = optionalInteger(input, "MaxResults", 1, 100) ?? 100;
  const token = optionalString(input, "NextToken", 1, 4096);
  const includeDeleted = optionalBoolean(input, "IncludePlannedDeletion") ?? false;
  const order = optionalString(input, "SortOrder");
  if (order !== undefined && order !== "asc" && order !== "desc") {
    throw invalidParameter("`SortOrder` must be `asc` or `desc`");
  }
  return {
    max,
    start: token === undefined ? 0 : decodeToken(token),
    includeDeleted,
    descending: order === "desc",
    filters: readFilters(input),
  };
}

/**
 * One page of ListSecrets.
 *
 * @example
 * listSecrets(ctx, readListSecrets({ MaxResults: 1 })); // { SecretList: [ … ], NextToken: "…" }
 */
export function listSecrets(ctx: ServiceContext, request: ListSecretsRequest): object {
  const { max, start, includeDeleted, filters } = request;
  const now = ctx.clock();
  const all = ctx.store.records
    .list<Secret>(SECRET_RECORD)
    .filter((s) => s.deletionDateMs === undefined || (includeDeleted && s.deletionDateMs > now))
    .filter((s) => filters.every((f) => matches(s, f)))
    .sort((a, b) => (LIST_ORDER === "name" ? a.name.localeCompare(b.name) : 0));
  if (request.descending) all.reverse();
  const page = all.slice(start, start + max);
  const next = start + max < all.length ? encodeToken(start + max) : undefined;
  return { SecretList: page.map(listEntry), ...(next === undefined ? {} : { NextToken: next }) };
}

function readFilters(input: Input): Filter[] {
  const raw = optionalObjects(input, "Filters") ?? [];
  if (raw.length > 10) throw invalidParameter("at most 10 `Filters` are allowed");
  return raw.map((f) => {
    const key = requiredString(f, "Key", 1);
    if (!FILTER_KEYS.includes(key)) {
      throw invalidParameter(`filter key \`${key}\` is not one of ${FILTER_KEYS.join(", ")}`);
    }
    const values = optionalStrings(f, "Values") ?? [];
    if (values.length < 1 || values.length > 10) {
      throw invalidParameter("each filter needs 1 to 10 `Values`");
    }
    return { key, values };
  });
}

function fieldsOf(secret: Secret, key: string): string[] {
  switch (key) {
    case "name":
      return [secret.name];
    case "description":
      return secret.description === undefined ? [] : [secret.description];
    case "tag-key":
      return secret.tags.map((t) => t.Key);
    case "tag-value":
      return secret.tags.map((t) => t.Value);
    case "all":
      return [
        ...fieldsOf(secret, "name"),
        ...fieldsOf(secret, "description"),
        ...fieldsOf(secret, "tag-key"),
        ...fieldsOf(secret, "tag-value"),
      ];
    default:
      return [];
  }
}

function matches(secret: Secret, filter: Filter): boolean {
  const fields = fieldsOf(secret, filter.key);
  return filter.values.some((value) =>
    value.startsWith("!")
      ? !fields.some((field) => field.startsWith(value.slice(1)))
      : fields.some((field) => field.startsWith(value)),
  );
}

function encodeToken(offset: number): string {
  return Buffer.from(`secrets:${offset}`).toString("base64url");
}

function decodeToken(token: string): number {
  const text = Buffer.from(token, "base64url").toString("utf8");
  const offset = /^secrets:(\d+)$/.exec(text)?.[1];
  if (offset === undefined) throw invalidParameter("`NextToken` is not valid");
  return Number(offset);
}
