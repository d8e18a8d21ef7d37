/**
 * The shapes the intrinsic-function evaluator works with: an evaluated value
 * (JSON, `Symbolic`, or `NO_VALUE` for `AWS::NoValue`, which removes the
 * property or list item holding it), the context that answers names
 * (parameters, pseudo parameters, resources, conditions, mappings), and the
 * environment each `Fn::*` handler gets. Kept apart from evaluate.ts so the
 * handlers do not import the evaluator.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { ResolvedValue, Symbolic } from "../model.js";
import type { ExportLookup } from "./imports.js";

/** `AWS::NoValue`: the holder of this value disappears. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");

/** A value after evaluation. */
export type Evaluated = ResolvedValue | typeof NO_VALUE;

/** What the evaluator asks the template about. */
export interface EvalContext {
  /** `Ref name`: a parameter, pseudo parameter or resource (reports when unknown). */
  ref(name: string, position: SourcePosition | undefined): Evaluated;
  /** `Fn::GetAtt [logicalId, attribute]` (reports when the resource is unknown). */
  getAtt(logicalId: string, attribute: string, position: SourcePosition | undefined): Evaluated;
  /** The value of a named condition: a boolean, or `Symbolic` when unknowable. */
  condition(name: string, position: SourcePosition | undefined): boolean | Symbolic;
  /** The `Mappings` section, when present. */
  readonly mappings: JsonNode | undefined;
  /** The stack's region, for `Fn::GetAZs ""`. */
  readonly region: string;
  /** Other stacks' exports, when known (the deployer); absent for `check`. */
  readonly exports?: ExportLookup;
  /** True while evaluating the `Conditions` section (`{"Condition": x}` is then an intrinsic). */
  readonly inConditions: boolean;
  /** Records an error; a no-op when diagnostics were already collected. */
  report(code: string, message: string, position: SourcePosition | undefined): void;
}

/** What an `Fn::*` handler gets. */
export interface FnEnv {
  readonly ctx: EvalContext;
  /** Where the intrinsic is written. */
  readonly position: SourcePosition | undefined;
  /** Evaluates a nested node in the same context. */
  evaluate(node: JsonNode): Evaluated;
  /** Reports `message` at the intrinsic and returns a `Symbolic` standing for the failed value. */
  fail(message: string, code?: string): Symbolic;
}

/** An `Fn::*` handler: the argument node to a value. */
export type FnHandler = (argument: JsonNode, env: FnEnv) => Evaluated;
