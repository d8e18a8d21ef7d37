/**
 * Test support: a service context for Secrets Manager tests over a fresh
 * in-memory store, with a clock the test can move and a deterministic
 * random source.
 */
import { memoryStore } from "../../store/memory/store.js";
import type { ServiceContext } from "../context.js";

/** A context whose clock is `now.ms`. */
export interface TestContext extends ServiceContext {
  readonly now: { ms: number };
}

/**
 * A fresh context for one test.
 *
 * @example
 * const ctx = secretsTestContext();
 * ctx.now.ms += 86_400_000; // a day later
 */
export function secretsTestContext(): TestContext {
  const now = { ms: 1_700_000_000_000 };
  let counter = 0;
  return {
    store: memoryStore(),
    clock: () => now.ms,
    random: (n) => Uint8Array.from({ length: n }, () => (counter++ * 37) % 256),
    account: "000000000000",
    region: "us-east-1",
    now,
  };
}
