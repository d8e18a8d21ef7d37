/**
 * IAM's Marker/MaxItems pagination: a page of at most MaxItems (default
 * 100, 1..1000), `IsTruncated`, and an opaque `Marker` to pass back for the
 * next page. The marker encodes the sort key of the first item not yet
 * returned, so a page stays correct when items are added or removed between
 * calls.
 */
import { checkRange } from "./input-checks.js";

/** Marker/MaxItems as the list operations take them. */
export interface PageRequest {
  readonly marker?: string;
  readonly maxItems?: number;
}

/** One page. `marker` is present exactly when `isTruncated`. */
export interface Page<T> {
  readonly items: T[];
  readonly isTruncated: boolean;
  readonly marker?: string;
}

/** The default MaxItems of IAM list operations. */
export const DEFAULT_MAX_ITEMS = 100;

/**
 * Cuts one page out of `items`, which must be sorted by `keyOf`.
 *
 * @example
 * const first = paginate(roles, (r) => r.roleName.toLowerCase(), { maxItems: 2 });
 * const next = paginate(roles, (r) => r.roleName.toLowerCase(), { marker: first.marker });
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: PageRequest,
): Page<T> {
  const maxItems = request.maxItems ?? DEFAULT_MAX_ITEMS;
  checkRange("maxItems", maxItems, 1, 1000);
  if (request.marker !== undefined) checkRange("marker.length", request.marker.length, 1, 320);
  const from = request.marker === undefined ? undefined : decodeMarker(request.marker);
  const rest = from === undefined ? [...items] : items.filter((item) => keyOf(item) >= from);
  const page = rest.slice(0, maxItems);
  const next = rest[maxItems];
  return next === undefined
    ? { items: page, isTruncated: false }
    : { items: page, isTruncated: true, marker: encodeMarker(keyOf(next)) };
}

function encodeMarker(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

function decodeMarker(marker: string): string {
  return Buffer.from(marker, "base64url").toString("utf8");
}
