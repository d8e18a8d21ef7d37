/**
 * Marker pagination as the EFS Describe calls use it: items are listed in
 * id order, a page holds at most `max` items, and the marker handed back
 * (NextMarker / NextToken) is the id of the first item of the next page.
 * A marker whose item has since been deleted still works: the next page
 * starts at the first id after it. A marker that is not an id EFS could
 * have issued is refused with `BadRequest`.
 */
import { badRequest } from "./errors.js";

/** One page and the marker of the next, if any. */
export interface Page<T> {
  readonly items: T[];
  readonly next?: string;
}

const MARKER = /^[a-z]{2,4}-[0-9a-f]{8,40}$/;

/**
 * Cuts one page out of an id-ordered list.
 *
 * @example
 * pageOf([{ id: "fs-1a" }, { id: "fs-2b" }], (x) => x.id, undefined, 1);
 * // { items: [{ id: "fs-1a" }], next: "fs-2b" }
 */
export function pageOf<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  marker: string | undefined,
  max: number,
): Page<T> {
  if (marker !== undefined && !MARKER.test(marker))
    throw badRequest(`marker \`${marker}\` is not valid`);
  const start = marker === undefined ? 0 : items.findIndex((item) => idOf(item) >= marker);
  if (start < 0) return { items: [] };
  const page = items.slice(start, start + max);
  const following = items[start + max];
  return following === undefined ? { items: page } : { items: page, next: idOf(following) };
}
