/**
 * What the EC2 operations need from the server: the store, a random source
 * for ids, a clock for creation times, and the account and region the
 * emulator acts in: the shared `ServiceContext`.
 */
import type { ServiceContext } from "../context.js";

/**
 * The EC2 service's context.
 *
 * @example
 * const ctx: Ec2Context = { store, clock: Date.now, random, account: "000000000000", region: "us-east-1" };
 */
export type Ec2Context = ServiceContext;
