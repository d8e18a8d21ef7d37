/**
 * The memory adapter's transactions: an undo log. While a transaction is
 * open, every change to a map first records how to put the old value back;
 * a throw replays those records in reverse down to where the (possibly
 * nested) transaction began. Chunk buffers are copied on first write inside
 * a transaction level (copy-on-write), so an in-place write never changes a
 * buffer that an undo record will restore.
 */

/** What the memory structures need to make their changes undoable. */
export interface UndoLog {
  /** True while a transaction is open; changes are recorded only then. */
  readonly active: boolean;
  /** Records how to revert a change that is about to be made. */
  record(undo: () => void): void;
  /** Marks `buffer` as created by the innermost open transaction. */
  own(buffer: Uint8Array): void;
  /** Whether `buffer` was created by the innermost open transaction, and so may change in place. */
  owns(buffer: Uint8Array): boolean;
}

/** A log that is never active: changes made through it cannot be undone. */
export const noUndo: UndoLog = {
  active: false,
  record() {},
  own() {},
  owns: () => false,
};

/** An undo log plus the function that runs work as a transaction over it. */
export interface Journal {
  readonly log: UndoLog;
  /** Runs `work`; on a throw, reverts what it changed and rethrows. Nested calls join as savepoints. */
  run<T>(work: () => T): T;
}

/**
 * Creates an empty journal.
 *
 * @example
 * const { log, run } = createJournal();
 * const map = new Map<string, number>();
 * try { run(() => { setTracked(log, map, "a", 1); throw new Error("no"); }); } catch {}
 * map.has("a"); // false
 */
export function createJournal(): Journal {
  const undos: (() => void)[] = [];
  const owners = new WeakMap<Uint8Array, number>();
  const levels: number[] = [];
  let nextLevel = 1;
  const log: UndoLog = {
    get active() {
      return levels.length > 0;
    },
    record(undo) {
      if (levels.length > 0) undos.push(undo);
    },
    own(buffer) {
      const level = levels.at(-1);
      if (level !== undefined) owners.set(buffer, level);
    },
    owns: (buffer) => levels.length > 0 && owners.get(buffer) === levels.at(-1),
  };
  function run<T>(work: () => T): T {
    const mark = undos.length;
    levels.push(nextLevel++);
    try {
      const result = work();
      if (isThenable(result)) throw new TypeError("transaction work cannot return a promise");
      return result;
    } catch (error) {
      while (undos.length > mark) undos.pop()?.();
      throw error;
    } finally {
      levels.pop();
      if (levels.length === 0) undos.length = 0;
    }
  }
  return { log, run };
}

/**
 * Sets `map[key]`, recording how to undo it.
 *
 * @example
 * setTracked(log, inodes, 2, inode);
 */
export function setTracked<K, V>(log: UndoLog, map: Map<K, V>, key: K, value: V): void {
  recordRestore(log, map, key);
  map.set(key, value);
}

/**
 * Deletes `map[key]`, recording how to undo it.
 *
 * @example
 * deleteTracked(log, inodes, 2);
 */
export function deleteTracked<K, V>(log: UndoLog, map: Map<K, V>, key: K): void {
  if (!map.has(key)) return;
  recordRestore(log, map, key);
  map.delete(key);
}

function recordRestore<K, V>(log: UndoLog, map: Map<K, V>, key: K): void {
  if (!log.active) return;
  if (map.has(key)) {
    const old = map.get(key) as V;
    log.record(() => map.set(key, old));
  } else {
    log.record(() => map.delete(key));
  }
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
