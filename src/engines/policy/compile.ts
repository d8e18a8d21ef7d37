/**
 * Compilation: a policy set is turned once into matchers (globs, ARN
 * patterns, condition tests) so that each request is decided without
 * re-reading the policies. Statements that cannot be evaluated keep the
 * reason and never apply.
 */

import type { SourcePosition } from "../../formats/position.js";
import { type ArnPattern, compileArnPieces } from "./arn.js";
import type { Located, PolicyDocument, PrincipalBlock, Statement } from "./ast.js";
import { type CompiledCondition, compileCondition } from "./conditions/condition.js";
import type { PolicyRef } from "./decision.js";
import type { PolicyKind } from "./policy-kind.js";
import type { NamedPolicy, PolicySetInput } from "./policy-set.js";
import { showList } from "./show-list.js";
import { keysWithoutDefault, parseTemplate, resolveTemplate, type Template } from "./variables.js";
import { compileGlob, type Glob } from "./wildcard.js";

/** A compiled Action/NotAction or Resource/NotResource list. */
export interface CompiledList<M> {
  readonly negated: boolean;
  readonly raw: readonly Located[];
  readonly matchers: readonly M[];
  /** The values as shown in explanations (`a`, `b` and 3 more). */
  readonly shown: string;
}

/** A resource pattern: fixed, or rebuilt per request when it holds policy variables. */
export type ResourceMatcher = { readonly fixed: ArnPattern } | { readonly template: Template };

/** A compiled statement. */
export interface CompiledStatement {
  readonly policy: PolicyRef;
  readonly index: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly position?: SourcePosition;
  readonly principal?: PrincipalBlock;
  readonly notPrincipal?: PrincipalBlock;
  readonly actions?: CompiledList<Glob>;
  readonly resources?: CompiledList<ResourceMatcher>;
  readonly conditions: readonly CompiledCondition[];
  /** Policy variables (without defaults) the statement needs from the request context. */
  readonly variables: readonly string[];
  /** Why this statement cannot be evaluated; it then never applies. */
  readonly error?: string;
}

/** A compiled policy. */
export interface CompiledPolicy {
  readonly ref: PolicyRef;
  readonly statements: readonly CompiledStatement[];
}

/** A compiled policy set, ready for {@link authorize}. */
export interface CompiledPolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly resource?: CompiledPolicy;
  readonly boundary?: CompiledPolicy;
  readonly session?: CompiledPolicy;
  readonly scp?: readonly (readonly CompiledPolicy[])[];
  readonly rcp?: readonly (readonly CompiledPolicy[])[];
  readonly endpoint?: CompiledPolicy;
}

/**
 * Compiles every policy of a set.
 *
 * @example
 * const set = compilePolicySet({ identityPolicies: [{ document }] });
 */
export function compilePolicySet(input: PolicySetInput): CompiledPolicySet {
  const one = (kind: PolicyKind, p: NamedPolicy | null | undefined) =>
    p ? compilePolicy(p, { kind, index: 0 }) : undefined;
  const levels = (kind: PolicyKind, ls: PolicySetInput["serviceControlPolicies"]) =>
    ls && ls.length > 0
      ? ls.map((level, l) => level.map((p, i) => compilePolicy(p, { kind, index: i, level: l })))
      : undefined;
  const resource = one("resource", input.resourcePolicy);
  const boundary = one("boundary", input.permissionsBoundary);
  const session = one("session", input.sessionPolicy);
  const endpoint = one("endpoint", input.endpointPolicy);
  const scp = levels("scp", input.serviceControlPolicies);
  const rcp = levels("rcp", input.resourceControlPolicies);
  return {
    identity: (input.identityPolicies ?? []).map((p, i) =>
      compilePolicy(p, { kind: "identity", index: i }),
    ),
    ...(resource ? { resource } : {}),
    ...(boundary ? { boundary } : {}),
    ...(session ? { session } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(scp ? { scp } : {}),
    ...(rcp ? { rcp } : {}),
  };
}

/**
 * Compiled policies by document and reference: documents are immutable and
 * shared (`parsePolicy` memoizes), so a policy compiled once under one
 * reference is reused by every later request it bears on.
 */
const compiled = new WeakMap<PolicyDocument, Map<string, CompiledPolicy>>();

/** Compiles one policy under the given reference. */
export function compilePolicy(policy: NamedPolicy, ref: PolicyRef): CompiledPolicy {
  const key = `${ref.kind}|${ref.index}|${ref.level ?? ""}|${policy.name ?? ""}`;
  let byRef = compiled.get(policy.document);
  const known = byRef?.get(key);
  if (known !== undefined) return known;
  const fresh = compileFresh(policy, ref);
  if (byRef === undefined) {
    byRef = new Map();
    compiled.set(policy.document, byRef);
  }
  byRef.set(key, fresh);
  return fresh;
}

function compileFresh(policy: NamedPolicy, ref: PolicyRef): CompiledPolicy {
  const named: PolicyRef = policy.name === undefined ? ref : { ...ref, name: policy.name };
  const variables = policy.document.version?.value === "2012-10-17";
  return {
    ref: named,
    statements: policy.document.statements.map((s) => compileStatement(s, named, variables)),
  };
}

function compileStatement(s: Statement, policy: PolicyRef, variables: boolean): CompiledStatement {
  const errors: string[] = [];
  const effect = s.effect?.value;
  if (effect !== "Allow" && effect !== "Deny") {
    errors.push(
      effect === undefined
        ? "statement has no `Effect`"
        : `\`Effect\` must be \`Allow\` or \`Deny\`, found \`${effect}\``,
    );
  }
  const pair = <T>(name: string, a: T | undefined, b: T | undefined) => {
    if (a !== undefined && b !== undefined)
      errors.push(`statement has both \`${name}\` and \`Not${name}\``);
  };
  pair("Action", s.action, s.notAction);
  pair("Resource", s.resource, s.notResource);
  pair("Principal", s.principal, s.notPrincipal);
  if (s.action === undefined && s.notAction === undefined)
    errors.push("statement has no `Action` or `NotAction`");
  const actionList = s.action ?? s.notAction;
  const resourceList = s.resource ?? s.notResource;
  const conditions: CompiledCondition[] = [];
  for (const entry of s.condition ?? []) {
    const compiled = compileCondition(entry, variables);
    if ("error" in compiled) errors.push(compiled.error);
    else conditions.push(compiled);
  }
  const needed = new Set<string>();
  if (variables) {
    for (const r of resourceList ?? [])
      for (const key of keysWithoutDefault(parseTemplate(r.value, true))) needed.add(key);
    for (const c of conditions) {
      if (c.operator.family === "Bool") continue;
      for (const v of c.entry.values)
        for (const key of keysWithoutDefault(parseTemplate(v.value, true))) needed.add(key);
    }
  }
  const compiled: CompiledStatement = {
    policy,
    index: s.index,
    effect: effect === "Deny" ? "Deny" : "Allow",
    conditions,
    variables: [...needed],
    ...(s.sid ? { sid: s.sid.value } : {}),
    ...(s.position ? { position: s.position } : {}),
    ...(s.principal ? { principal: s.principal } : {}),
    ...(s.notPrincipal ? { notPrincipal: s.notPrincipal } : {}),
    ...(actionList
      ? {
          actions: {
            negated: s.action === undefined,
            raw: actionList,
            matchers: actionList.map((a) => compileGlob(a.value, true)),
            shown: showList(actionList.map((a) => a.value)),
          },
        }
      : {}),
    ...(resourceList
      ? {
          resources: {
            negated: s.resource === undefined,
            raw: resourceList,
            matchers: resourceList.map((r) => resourceMatcher(r.value, variables)),
            shown: showList(resourceList.map((r) => r.value)),
          },
        }
      : {}),
    ...(errors.length > 0 ? { error: errors.join("; ") } : {}),
  };
  return compiled;
}

function resourceMatcher(raw: string, variables: boolean): ResourceMatcher {
  const template = parseTemplate(raw, variables);
  if (template.dynamic) return { template };
  const pieces = resolveTemplate(template, () => undefined) ?? [];
  return { fixed: compileArnPieces(pieces) };
}
