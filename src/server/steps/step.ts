/**
 * The shape of one step of the handler chain: it reads what earlier steps
 * put into the exchange, adds its own part, and throws an AWS error (or
 * anything else, which becomes InternalFailure) to end the chain. A step
 * that sets `response` ends the chain successfully.
 */
import type { ServerEnv } from "../env.js";
import type { Exchange } from "../exchange.js";

/** One step of the chain. */
export type Step = (exchange: Exchange, env: ServerEnv) => Promise<void> | void;
