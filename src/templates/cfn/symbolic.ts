/**
 * Helpers for values that cannot be known locally: making a `Symbolic`,
 * finding one inside an evaluated value, and wrapping it when an intrinsic
 * consumes it (a `Fn::Join` over an import is itself unknowable, and says
 * which part made it so).
 */
import type { SourcePosition } from "../../formats/position.js";
import { isSymbolic, type ResolvedValue, type Symbolic } from "../model.js";
import type { Evaluated } from "./eval-types.js";

/**
 * A `Symbolic` value.
 *
 * @example
 * symbolic("Fn::ImportValue `vpc-id`").symbolic; // true
 */
export function symbolic(description: string, position?: SourcePosition): Symbolic {
  return { symbolic: true, description, ...(position ? { position } : {}) };
}

/**
 * The first `Symbolic` inside a value (depth first), if any.
 *
 * @example
 * findSymbolic(["a", symbolic("x")])?.description; // "x"
 */
export function findSymbolic(value: Evaluated): Symbolic | undefined {
  if (isSymbolic(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value as readonly ResolvedValue[]) {
      const inner = findSymbolic(item);
      if (inner) return inner;
    }
    return undefined;
  }
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value as Record<string, ResolvedValue>)) {
      const inner = findSymbolic(item);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * A `Symbolic` for the result of `fn` applied to an unknowable input.
 *
 * @example
 * through("Fn::Join", symbolic("Fn::ImportValue `x`")).description;
 * // "Fn::Join over Fn::ImportValue `x`"
 */
export function through(fn: string, inner: Symbolic, position?: SourcePosition): Symbolic {
  return symbolic(`${fn} over ${inner.description}`, position ?? inner.position);
}
