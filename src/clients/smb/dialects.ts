/**
 * The SMB2/3 dialects (MS-SMB2 2.2.3) by name and wire value, and which of
 * them can encrypt. A client offers a list; the server picks one.
 */

/** A dialect's name. */
export type Dialect = "2.0.2" | "2.1" | "3.0" | "3.0.2" | "3.1.1";

/** Wire values. */
export const DIALECT_VALUES: Readonly<Record<Dialect, number>> = {
  "2.0.2": 0x0202,
  "2.1": 0x0210,
  "3.0": 0x0300,
  "3.0.2": 0x0302,
  "3.1.1": 0x0311,
};

/** Every dialect, oldest first. */
export const ALL_DIALECTS: readonly Dialect[] = ["2.0.2", "2.1", "3.0", "3.0.2", "3.1.1"];

/**
 * The dialect of a wire value, if known.
 *
 * @example
 * dialectOf(0x0311); // "3.1.1"
 */
export function dialectOf(value: number): Dialect | undefined {
  return ALL_DIALECTS.find((d) => DIALECT_VALUES[d] === value);
}

/**
 * Whether `dialect` has SMB 3 encryption.
 *
 * @example
 * canEncrypt("2.1"); // false
 */
export function canEncrypt(dialect: Dialect): boolean {
  return dialect.startsWith("3.");
}
