/**
 * Warm instances, kept per function configuration (function ARN, revision
 * and code hash, so an updated function never reuses an instance of its
 * old configuration). An invocation takes an idle instance if there is
 * one, else the runner starts a new one; one invocation at a time runs on
 * an instance. Instances idle longer than the idle time are stopped by a
 * background sweep (which does not keep the process alive), and `close`
 * stops them all.
 */
import type { Instance } from "./instance.js";

/** An instance with what must happen when it stops. */
export interface PooledInstance {
  readonly instance: Instance;
  readonly onStop: readonly (() => void)[];
  /** When the credentials in its environment expire (epoch ms); absent: never. */
  readonly credentialsExpireMs?: number;
}

/** The warm instances of every function. */
export class InstancePool {
  private readonly byKey = new Map<string, PooledInstance[]>();
  private readonly sweeper: NodeJS.Timeout;

  /**
   * A pool whose idle instances live `idleMs`.
   *
   * @example
   * const pool = new InstancePool(10 * 60 * 1000);
   */
  constructor(private readonly idleMs: number) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(idleMs, 60_000));
    this.sweeper.unref();
  }

  /**
   * An idle live instance for `key` whose credentials last until `validUntilMs`,
   * now marked busy; idle instances whose credentials would expire sooner are stopped.
   *
   * @example
   * const warm = pool.takeWarm(key, Date.now() + 60_000) ?? start();
   */
  takeWarm(key: string, validUntilMs = 0): PooledInstance | undefined {
    for (const pooled of [...(this.byKey.get(key) ?? [])]) {
      if (pooled.instance.busy || pooled.instance.dead) continue;
      if ((pooled.credentialsExpireMs ?? Number.POSITIVE_INFINITY) < validUntilMs) {
        this.remove(key, pooled);
        continue;
      }
      pooled.instance.busy = true;
      return pooled;
    }
    return undefined;
  }

  /**
   * Registers a new, busy instance under `key`.
   *
   * @example
   * pool.add(key, { instance, onStop: [] });
   */
  add(key: string, pooled: PooledInstance): void {
    pooled.instance.busy = true;
    const list = this.byKey.get(key) ?? [];
    list.push(pooled);
    this.byKey.set(key, list);
  }

  /**
   * Returns an instance after an invocation: kept warm when reusable, else stopped.
   *
   * @example
   * pool.release(key, pooled, run.reusable);
   */
  release(key: string, pooled: PooledInstance, reusable: boolean): void {
    pooled.instance.busy = false;
    pooled.instance.lastUsedMs = Date.now();
    if (!reusable || pooled.instance.dead) this.remove(key, pooled);
  }

  /**
   * Stops the idle instances of the keys starting with `prefix` other than `key`
   * (older configurations of the same function).
   *
   * @example
   * pool.retireOthers(`${fn.functionArn}#`, key);
   */
  retireOthers(prefix: string, key: string): void {
    for (const [other, list] of this.byKey) {
      if (other === key || !other.startsWith(prefix)) continue;
      for (const pooled of [...list]) if (!pooled.instance.busy) this.remove(other, pooled);
    }
  }

  /** How many instances `key` has (for tests and diagnostics). */
  size(key: string): number {
    return this.byKey.get(key)?.length ?? 0;
  }

  /**
   * Stops every instance.
   *
   * @example
   * pool.close();
   */
  close(): void {
    clearInterval(this.sweeper);
    for (const [key, list] of this.byKey) for (const pooled of [...list]) this.remove(key, pooled);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, list] of this.byKey)
      for (const pooled of [...list])
        if (
          pooled.instance.dead ||
          (!pooled.instance.busy && now - pooled.instance.lastUsedMs > this.idleMs)
        )
          this.remove(key, pooled);
  }

  private remove(key: string, pooled: PooledInstance): void {
    pooled.instance.kill();
    for (const stop of pooled.onStop) stop();
    const list = (this.byKey.get(key) ?? []).filter((other) => other !== pooled);
    if (list.length === 0) this.byKey.delete(key);
    else this.byKey.set(key, list);
  }
}
