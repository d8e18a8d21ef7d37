/**
 * What every service needs from its surroundings, in one value the server
 * builds once: the store, a clock, a random source for ids and secrets, and
 * the account and region the emulator acts in. Each service's own context
 * (`IamContext`, `EfsContext`, …) is a subset of it.
 */
import type { Store } from "../store/port.js";

/** The services' shared dependencies. */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: () => number;
  readonly random: (length: number) => Uint8Array;
  readonly account: string;
  readonly region: string;
}

/** The region accesslab acts in unless told otherwise. */
export const DEFAULT_REGION = "us-east-1";
