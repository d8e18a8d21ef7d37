/**
 * Test support: an IAM context over a fresh in-memory store with a fixed
 * clock and the default account.
 */
import { randomBytes } from "node:crypto";
import { memoryStore } from "../../store/memory/store.js";
import type { IamContext } from "./context.js";

/**
 * A fresh IAM context for one test.
 *
 * @example
 * const ctx = iamTestContext();
 */
export function iamTestContext(): IamContext {
  return {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => 1_700_000_000_000,
    account: "000000000000",
  };
}
