/**
 * Step 6: runs the planned, authorized call; the binding renders its
 * output as the success response of the service's protocol.
 */
import type { Step } from "./step.js";

/**
 * Dispatches the call.
 *
 * @example
 * await dispatch(exchange, env); // exchange.response = { status: 200, … }
 */
export const dispatch: Step = async (exchange) => {
  if (exchange.planned === undefined) throw new Error("dispatch before prepare");
  exchange.response = await exchange.planned.run();
};
