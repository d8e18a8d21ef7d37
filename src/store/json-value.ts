/**
 * How records and events are kept by every adapter: as JSON text, so a
 * stored value is a copy (changing an object after `put` or after `get`
 * does not change what is stored) and the memory adapter behaves exactly as
 * the SQLite one does (`undefined` members dropped, dates become strings).
 */
import { StoreError } from "./store-error.js";

/**
 * Serializes `value`, refusing what JSON cannot hold (e.g. `undefined`).
 *
 * @example
 * toJson({ a: 1 }, "record `fs/fs-1`"); // '{"a":1}'
 */
export function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (typeof json !== "string") throw new StoreError(`${what}: value is not representable as JSON`);
  return json;
}

/**
 * Parses stored JSON text back into a value.
 *
 * @example
 * fromJson<{ a: number }>('{"a":1}').a; // 1
 */
export function fromJson<T>(json: string): T {
  return JSON.parse(json) as T;
}
