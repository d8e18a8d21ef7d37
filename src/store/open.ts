/**
 * Choosing a store adapter by name: the one place above the adapters that
 * knows they exist, so services, the server and the CLI depend on the port
 * alone.
 */
import { memoryStore } from "./memory/store.js";
import type { Store } from "./port.js";
import { sqliteStore } from "./sqlite/store.js";

/** Which adapter to open, and where. */
export type StoreOptions =
  | { readonly kind: "memory" }
  | { readonly kind: "sqlite"; readonly path: string };

/**
 * Opens a store.
 *
 * @example
 * const store = openStore({ kind: "sqlite", path: ".accesslab/state.db" });
 * const scratch = openStore({ kind: "memory" });
 */
export function openStore(options: StoreOptions): Store {
  switch (options.kind) {
    case "memory":
      return memoryStore();
    case "sqlite":
      return sqliteStore(options.path);
  }
}
