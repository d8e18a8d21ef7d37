/**
 * The parameter values of CreateChangeSet and UpdateStack: each
 * `ParameterValue` as given, and each `UsePreviousValue` taken from the
 * stack (a parameter the stack was never given a value for keeps its
 * template default, as it did).
 */
import type { Stack } from "./model.js";

/** One `Parameter` of a request. */
export interface ParameterInput {
  readonly key: string;
  readonly value?: string;
  readonly usePreviousValue?: boolean;
}

/**
 * The values to read the template with.
 *
 * @example
 * parameterValues(stack, [{ key: "Env", usePreviousValue: true }]); // { Env: "prod" }
 */
export function parameterValues(
  stack: Stack | undefined,
  inputs: readonly ParameterInput[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of inputs) {
    if (p.usePreviousValue) {
      const previous = stack?.parameters[p.key];
      if (previous !== undefined) values[p.key] = previous;
    } else if (p.value !== undefined) values[p.key] = p.value;
  }
  return values;
}
