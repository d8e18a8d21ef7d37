/**
 * SMB2 credits (MS-SMB2 3.2.4.1.5, 3.2.5.1.4): the server grants credits
 * in every answer, and a request may go out only when the client holds as
 * many credits as it charges (one per 64 KiB of payload, at least one), so
 * a client can keep several requests in flight without overrunning the
 * server. Waiting requests are served first come, first served; a broken
 * connection rejects them.
 */

/** The credits a client holds, and the requests waiting for some. */
export class CreditWindow {
  private available: number;
  private readonly waiting: {
    readonly need: number;
    readonly grant: () => void;
    readonly fail: (error: Error) => void;
  }[] = [];
  private failure: Error | undefined;

  /** Starts with the one credit every connection has before its first answer. */
  constructor(initial = 1) {
    this.available = initial;
  }

  /**
   * Resolves once `need` credits are the caller's.
   *
   * @example
   * await window.acquire(16); // a 1 MiB WRITE
   */
  acquire(need: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting.length === 0 && this.available >= need) {
      this.available -= need;
      return Promise.resolve();
    }
    return new Promise((grant, fail) => this.waiting.push({ need, grant, fail }));
  }

  /** Adds credits an answer granted, and lets waiting requests go in order. */
  grant(credits: number): void {
    this.available += credits;
    while (this.waiting.length > 0 && this.available >= (this.waiting[0]?.need ?? 0)) {
      const next = this.waiting.shift();
      if (next === undefined) break;
      this.available -= next.need;
      next.grant();
    }
  }

  /** Fails every waiting and later request with `error`. */
  fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.fail(this.failure);
  }
}

/**
 * The credit charge of a request whose payload (data written or asked to be read) is `bytes`.
 *
 * @example
 * creditCharge(1 << 20); // 16
 */
export function creditCharge(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 65536));
}
