/**
 * Helpers for building objects under `exactOptionalPropertyTypes`: a
 * property is either present with a value or absent, never `undefined`.
 */
import type { SourcePosition } from "./position.js";

/**
 * `{ [key]: value }` when value is defined, `{}` otherwise; spread it.
 *
 * @example
 * const o = { a: 1, ...optional("b", maybe) };
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `{ position }` when known, `{}` otherwise. */
export function at(position: SourcePosition | undefined): { position?: SourcePosition } {
  return position ? { position } : {};
}
