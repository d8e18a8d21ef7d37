/**
 * Brings a database to the current schema: a new database gets every
 * migration, an older one the missing ones, in one transaction; a database
 * of a newer schema, or one that is not an accesslab store, is refused with
 * an error that says so instead of being touched.
 */
import { StoreError } from "../store-error.js";
import type { Connection } from "./connection.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";

/**
 * Checks `PRAGMA user_version` and applies the missing migrations.
 *
 * @example
 * migrate(openConnection(path), path);
 */
export function migrate(db: Connection, path: string): void {
  const upgrade = db.transaction(() => {
    const version = Number(db.pragma("user_version", { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `store \`${path}\` has schema version ${version}, newer than this accesslab understands (${SCHEMA_VERSION}): upgrade accesslab or choose another state directory`,
      );
    }
    if (version === SCHEMA_VERSION) return;
    if (version === 0 && hasTables(db)) {
      throw new StoreError(
        `\`${path}\` is an SQLite database but not an accesslab store: choose another path`,
      );
    }
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(
      String(SCHEMA_VERSION),
    );
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  try {
    upgrade.immediate();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot open store \`${path}\`: ${reason.toLowerCase()}`, {
      cause: error,
    });
  }
}

function hasTables(db: Connection): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined;
}
