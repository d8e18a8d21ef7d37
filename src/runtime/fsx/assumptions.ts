/**
 * Timing and layout choices of the Samba supervision that no AWS fact
 * decides, each as one named constant with the reasoning.
 */

/** First delay before restarting an `smbd` that died; doubled per crash in a row. */
export const RESTART_FIRST_DELAY_MS = 200;

/** The longest delay between restarts of an `smbd` that keeps dying. */
export const RESTART_MAX_DELAY_MS = 10_000;

/** An `smbd` that has run this long is healthy again: its next crash restarts at the first delay. */
export const RESTART_RESET_AFTER_MS = 30_000;

/** How long a starting `smbd` may take to accept connections before it counts as failed. */
export const LISTEN_TIMEOUT_MS = 15_000;

/** How long a stopping `smbd` gets after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 3_000;

/**
 * How long to let `smbd` take a SIGHUP in before answering that a new
 * setting applies. smbd's connection processes also re-read a changed
 * smb.conf when a client connects; the pause covers the signal's delivery.
 */
export const RELOAD_SETTLE_MS = 150;
