/**
 * The documented bootstrap identity of a fresh accesslab: the access key
 * pair `test`/`test` is the root user of the default account
 * `000000000000`, as LocalStack users expect. It is known to
 * `resolveAccessKey` without being stored.
 */

/** The account a fresh accesslab acts in. */
export const DEFAULT_ACCOUNT = "000000000000";
/** The bootstrap root access key id. */
export const BOOTSTRAP_ACCESS_KEY_ID = "test";
/** The bootstrap root secret access key. */
export const BOOTSTRAP_SECRET_ACCESS_KEY = "test";
