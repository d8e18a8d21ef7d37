/**
 * The simulator's `ContextEntries`: each names a condition key, its values
 * and their type (`string`, `stringList`, `numeric`, …). List types give the
 * engine a list; the others give one value. An unknown type is a
 * `ValidationError`, worded as AWS words enum violations.
 */
import type { ContextValue } from "../../engines/policy/request.js";
import { validationError } from "./errors.js";

/** One context entry as the request gives it. */
export interface ContextEntryInput {
  readonly contextKeyName: string;
  readonly contextKeyValues: readonly string[];
  readonly contextKeyType: string;
}

/** The `ContextKeyType` values AWS defines. */
export const CONTEXT_KEY_TYPES = [
  "string",
  "stringList",
  "numeric",
  "numericList",
  "boolean",
  "booleanList",
  "ip",
  "ipList",
  "binary",
  "binaryList",
  "date",
  "dateList",
] as const;

/**
 * The engine's context for the given entries.
 *
 * @example
 * simulationContext([{ contextKeyName: "aws:SourceIp", contextKeyValues: ["10.0.0.1"], contextKeyType: "ip" }]);
 * // { "aws:SourceIp": "10.0.0.1" }
 */
export function simulationContext(
  entries: readonly ContextEntryInput[],
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  entries.forEach((entry, i) => {
    const type = entry.contextKeyType;
    if (!(CONTEXT_KEY_TYPES as readonly string[]).includes(type)) {
      throw validationError(
        `1 validation error detected: Value '${type}' at 'contextEntries.${i + 1}.member.contextKeyType' failed to satisfy constraint: Member must satisfy enum value set: [${CONTEXT_KEY_TYPES.join(", ")}]`,
      );
    }
    const values = entry.contextKeyValues;
    const single = values.length === 1 ? values[0] : undefined;
    context[entry.contextKeyName] = type.endsWith("List") || single === undefined ? values : single;
  });
  return context;
}
