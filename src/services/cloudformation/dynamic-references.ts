/**
 * Dynamic references made concrete when the deployer creates or updates a
 * resource, as CloudFormation does after every intrinsic function: every
 * string of the resource's resolved properties that holds
 * `{{resolve:secretsmanager:…}}` references (a `DynamicReferenceText`,
 * possibly several references inside a longer string, e.g.
 * `!Sub "pass={{resolve:secretsmanager:${Secret}::password}}"`, or a plain
 * string a `Fn::Join` of reference pieces made) becomes that string with
 * each reference replaced by the secret value `secret-reference.ts` reads
 * as the deploying principal. A string that also holds an `ssm` or
 * `ssm-secure` reference stays as it was (symbolic): accesslab has no
 * Parameter Store, so those are never resolved. A reference that is a
 * whole piece of a `Fn::Join` is not resolved either (the join of a
 * symbolic piece is symbolic, see symbolic.ts `through`). A malformed
 * reference fails the resource naming the property, the character and
 * the template position. Only the handler sees the values: the stack
 * keeps the properties with their reference text (fingerprint.ts), and
 * `keepingValuesOut` takes the values out of any error the handler
 * raises, so no event reason repeats one. `check` does not resolve (its
 * emulator has no secrets of the real account), see the deployer's
 * `resolveDynamicReferences` option.
 */
import type { SourcePosition } from "../../formats/position.js";
import { isDynamicReferenceText } from "../../templates/cfn/dynamic-references.js";
import {
  type DynamicReferenceMatch,
  dynamicReferencesIn,
  isReferenceProblem,
  parseSecretsManagerReference,
  type ReferenceProblem,
} from "../../templates/cfn/dynamic-references-parse.js";
import { type DeployableResource, isSymbolic, type ResolvedValue } from "../../templates/model.js";
import type { ServiceContext } from "../context.js";
import type { DeployActor } from "./actor.js";
import { validationError } from "./errors.js";
import type { Props } from "./properties.js";
import { readSecretReference } from "./secret-reference.js";

/** What stands for a resolved value in an error message that would otherwise show it. */
export const REDACTED = "****";

/** Properties with their Secrets Manager references resolved, and the values used. */
export interface ConcreteProperties {
  readonly props: Props;
  /** The values read, to keep out of messages. */
  readonly values: readonly string[];
}

/**
 * Resolves the Secrets Manager references in `props` as `actor`, or throws the resource's reason.
 *
 * @example
 * resolveDynamicReferences(ctx, actor, resource, resource.properties(lookup)).props.Password; // "hunter2"
 */
export function resolveDynamicReferences(
  ctx: ServiceContext,
  actor: DeployActor,
  resource: Pick<DeployableResource, "logicalId" | "file" | "positionOf">,
  props: Props,
): ConcreteProperties {
  const values: string[] = [];
  const read = new Map<string, string>();
  const secretFor = (reference: DynamicReferenceMatch, where: Where): string => {
    const known = read.get(reference.whole);
    if (known !== undefined) return known;
    const asked = parseSecretsManagerReference(reference);
    if (isReferenceProblem(asked)) throw malformed(resource, reference, asked, where);
    const secret = readSecretReference(ctx, actor, asked);
    read.set(reference.whole, secret);
    values.push(secret);
    return secret;
  };
  /** `text` with its references resolved; `undefined` when it holds one accesslab never resolves. */
  const resolveText = (text: string, where: Where): string | undefined => {
    const references = dynamicReferencesIn(text);
    if (references.some((r) => r.service !== "secretsmanager")) return undefined;
    let out = "";
    let last = 0;
    for (const reference of references) {
      out += text.slice(last, reference.start) + secretFor(reference, where);
      last = reference.start + reference.whole.length;
    }
    return out + text.slice(last);
  };
  const walk = (value: ResolvedValue, path: readonly (string | number)[]): ResolvedValue => {
    if (isDynamicReferenceText(value))
      return resolveText(value.text, { path, position: value.position }) ?? value;
    // A string that became a whole reference through Fn::Join (its pieces were plain text).
    if (typeof value === "string")
      return resolveText(value, { path, position: resource.positionOf(path) }) ?? value;
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (typeof value === "object" && value !== null && !isSymbolic(value)) {
      const entries = Object.entries(value as Props);
      return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return value;
  };
  const entries = Object.entries(props).map(([k, v]) => [k, walk(v, [k])] as const);
  return { props: Object.fromEntries(entries), values };
}

/** Where a string sits: its property path and, when known, its template position. */
interface Where {
  readonly path: readonly (string | number)[];
  readonly position: SourcePosition | undefined;
}

/** The resource's reason for a reference it cannot read. */
function malformed(
  resource: Pick<DeployableResource, "logicalId" | "file">,
  reference: DynamicReferenceMatch,
  problem: ReferenceProblem,
  { path, position }: Where,
): Error {
  const at = position ? ` (${resource.file}:${position.line}:${position.column})` : "";
  return validationError(
    `malformed dynamic reference \`${reference.whole}\` at character ${problem.character} of property \`${path.join(".")}\` of \`${resource.logicalId}\`${at}: ${problem.problem}`,
  );
}

/**
 * Runs `work`; an error it throws leaves with every one of `values` in its message replaced by `****`.
 *
 * @example
 * keepingValuesOut(["hunter2"], () => handler.create(env, props));
 */
export function keepingValuesOut<T>(values: readonly string[], work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof Error && values.length > 0) {
      const longestFirst = [...values].filter((v) => v !== "").sort((a, b) => b.length - a.length);
      for (const value of longestFirst) error.message = error.message.split(value).join(REDACTED);
    }
    throw error;
  }
}
