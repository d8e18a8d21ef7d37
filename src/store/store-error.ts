/**
 * The one error type the store's adapters throw for conditions a person can
 * act on (a database of a newer schema, a file that is not a store, a path
 * that cannot be opened), so callers never see a driver's own error class.
 */

/**
 * A store could not be opened or used; `message` says why and what to do.
 *
 * @example
 * throw new StoreError("store `state.db` has schema version 9, newer than this accesslab (1): upgrade accesslab");
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
