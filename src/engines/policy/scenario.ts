/**
 * The scenario format shared by `accesslab simulate`, the test corpus and
 * the examples: a request, the policies in force, and optionally the
 * expected decision. Reading is strict: any shape problem is reported with
 * its position and no scenario of that text is used.
 */

import { readArray, readObject, readString, ShapeError } from "../../formats/json-read.js";
import { type JsonEntry, type JsonNode, parseJsonTree } from "../../formats/json-tree.js";
import { at, optional } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";
import type { DecisionKind } from "./decision.js";
import { readEmbeddedPolicy } from "./embedded-policy.js";
import type { PolicySetInput } from "./policy-set.js";
import type { AuthorizationRequest, ContextValue } from "./request.js";

/** One scenario, ready to compile and authorize. */
export interface Scenario {
  readonly name: string;
  readonly position?: SourcePosition;
  readonly request: AuthorizationRequest;
  readonly policies: PolicySetInput;
  readonly expected?: DecisionKind;
}

/** A problem with a scenario text, with where it is. */
export interface ScenarioError {
  readonly message: string;
  readonly position?: SourcePosition;
}

const DECISIONS: readonly string[] = ["Allowed", "ImplicitlyDenied", "ExplicitlyDenied"];
const SCENARIO_KEYS = [
  "name",
  "request",
  "identityPolicies",
  "resourcePolicy",
  "permissionsBoundary",
  "sessionPolicy",
  "serviceControlPolicies",
  "resourceControlPolicies",
  "endpointPolicy",
  "expected",
  "source",
  "description",
];
const REQUEST_KEYS = ["principal", "action", "resource", "resourceAccount", "context"];

/**
 * Reads scenario JSON text: one scenario object or an array of them.
 * `label` names unnamed scenarios (`label#1`, ...).
 *
 * @example
 * const { scenarios, error } = parseScenarios(text, "examples/policy/efs.json");
 */
export function parseScenarios(
  text: string,
  label = "scenario",
): { scenarios: Scenario[]; error?: ScenarioError } {
  const { root, error } = parseJsonTree(text);
  if (!root)
    return {
      scenarios: [],
      error: { message: `json syntax: ${error?.message}`, ...at(error?.position) },
    };
  const items = root.kind === "array" ? root.items : [root];
  try {
    return { scenarios: items.map((item, i) => readScenario(item, `${label}#${i + 1}`)) };
  } catch (e) {
    if (e instanceof ShapeError)
      return { scenarios: [], error: { message: e.message, ...at(e.position) } };
    throw e;
  }
}

function readScenario(node: JsonNode, fallbackName: string): Scenario {
  const m = readObject(node, "scenario", SCENARIO_KEYS);
  const name = m.get("name");
  const expected = m.get("expected");
  if (expected && (expected.kind !== "string" || !DECISIONS.includes(expected.value))) {
    throw new ShapeError(`\`expected\` must be one of ${DECISIONS.join(", ")}`, expected.position);
  }
  const request = m.get("request");
  if (!request) throw new ShapeError("scenario has no `request`", node.position);
  const policy = (key: string) => {
    const n = m.get(key);
    return n && n.kind !== "null" ? readEmbeddedPolicy(n, key) : undefined;
  };
  const levels = (key: string) => {
    const n = m.get(key);
    if (!n || n.kind === "null") return undefined;
    return readArray(n, key).map((level, l) =>
      readArray(level, `${key}[${l}]`).map((p, i) => readEmbeddedPolicy(p, `${key}[${l}][${i}]`)),
    );
  };
  const identity = m.get("identityPolicies");
  const policies: PolicySetInput = {
    identityPolicies:
      identity && identity.kind !== "null"
        ? readArray(identity, "identityPolicies").map((p, i) =>
            readEmbeddedPolicy(p, `identityPolicies[${i}]`),
          )
        : [],
    ...optional("resourcePolicy", policy("resourcePolicy")),
    ...optional("permissionsBoundary", policy("permissionsBoundary")),
    ...optional("sessionPolicy", policy("sessionPolicy")),
    ...optional("endpointPolicy", policy("endpointPolicy")),
    ...optional("serviceControlPolicies", levels("serviceControlPolicies")),
    ...optional("resourceControlPolicies", levels("resourceControlPolicies")),
  };
  return {
    name: name ? readString(name, "name") : fallbackName,
    request: readRequest(request),
    policies,
    ...optional(
      "expected",
      expected?.kind === "string" ? (expected.value as DecisionKind) : undefined,
    ),
    ...at(node.position),
  };
}

function readRequest(node: JsonNode): AuthorizationRequest {
  const m = readObject(node, "request", REQUEST_KEYS);
  const required = (key: string) => {
    const n = m.get(key);
    if (!n) throw new ShapeError(`request has no \`${key}\``, node.position);
    return readString(n, `request.${key}`);
  };
  const account = m.get("resourceAccount");
  const contextNode = m.get("context");
  return {
    principal: required("principal"),
    action: required("action"),
    resource: required("resource"),
    ...optional(
      "resourceAccount",
      account ? readString(account, "request.resourceAccount") : undefined,
    ),
    ...optional("context", contextNode ? readContext(contextNode) : undefined),
  };
}

function readContext(node: JsonNode): Record<string, ContextValue> {
  if (node.kind !== "object")
    throw new ShapeError(
      `\`request.context\` must be an object, found ${node.kind}`,
      node.position,
    );
  const out: Record<string, ContextValue> = {};
  for (const entry of node.entries) out[entry.key] = contextValue(entry);
  return out;
}

function contextValue(entry: JsonEntry): ContextValue {
  const scalar = (n: JsonNode): string => {
    if (n.kind === "string") return n.value;
    if (n.kind === "number" || n.kind === "boolean") return String(n.value);
    throw new ShapeError(
      `context value of \`${entry.key}\` must be a string, number, boolean or an array of them`,
      n.position,
    );
  };
  return entry.value.kind === "array" ? entry.value.items.map(scalar) : scalar(entry.value);
}
