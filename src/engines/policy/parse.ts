/**
 * Reads a policy's structure into the syntax tree of `ast.ts`. It accepts
 * every shape AWS accepts (a single value or an array wherever AWS does) and
 * records anything else as an issue with its position; it never throws.
 * Meaning (known actions, valid ARNs, required elements per policy kind) is
 * the validator's job.
 */

import {
  type JsonEntry,
  type JsonNode,
  jsonNodeFromValue,
  parseJsonTree,
} from "../../formats/json-tree.js";
import { at, optional } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";
import type {
  ConditionEntry,
  Located,
  ParseIssue,
  ParseResult,
  PolicyDocument,
  PrincipalBlock,
  Statement,
} from "./ast.js";
import { closestName } from "./suggest.js";

const TOP_LEVEL = ["Version", "Id", "Statement"] as const;
const STATEMENT_ELEMENTS = [
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
] as const;
const PRINCIPAL_TYPES = ["AWS", "Service", "Federated", "CanonicalUser"] as const;

/**
 * How many recently parsed texts are remembered. Stored policies are parsed
 * again on every request that they bear on, and the result of a text never
 * changes, so a small memo makes repeated authorization cheap.
 */
const PARSE_MEMO_SIZE = 512;
/** Texts longer than this are not remembered (they are rare and large). */
const PARSE_MEMO_MAX_TEXT = 64 * 1024;
const memo = new Map<string, ParseResult>();

/**
 * Parses policy JSON text. Results are shared between callers and must not
 * be modified (their types are read-only).
 *
 * @example
 * const { policy, issues } = parsePolicy('{"Version":"2012-10-17","Statement":[]}');
 */
export function parsePolicy(text: string): ParseResult {
  if (text.length > PARSE_MEMO_MAX_TEXT) return parsePolicyText(text);
  const known = memo.get(text);
  if (known !== undefined) {
    memo.delete(text);
    memo.set(text, known);
    return known;
  }
  const parsed = parsePolicyText(text);
  memo.set(text, parsed);
  if (memo.size > PARSE_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return parsed;
}

function parsePolicyText(text: string): ParseResult {
  const { root, error } = parseJsonTree(text);
  if (!root) {
    return {
      issues: [
        { code: "json-syntax", message: `json syntax: ${error?.message}`, ...at(error?.position) },
      ],
    };
  }
  return parsePolicyNode(root);
}

/** Parses a policy given as a plain JavaScript value (no positions). */
export function parsePolicyValue(value: unknown): ParseResult {
  if (typeof value === "string") return parsePolicy(value);
  return parsePolicyNode(jsonNodeFromValue(value));
}

/** Parses a policy from an already positioned JSON tree (e.g. inside a scenario file). */
export function parsePolicyNode(root: JsonNode): ParseResult {
  const issues: ParseIssue[] = [];
  if (root.kind !== "object") {
    issues.push(
      issue("wrong-type", `policy must be a JSON object, found ${root.kind}`, root.position),
    );
    return { issues };
  }
  const members = readMembers(root.entries, TOP_LEVEL, "policy", issues);
  const versionNode = members.get("Version");
  const version = versionNode ? optionalString(versionNode, "Version", issues) : undefined;
  if (version && version.value !== "2012-10-17" && version.value !== "2008-10-17") {
    issues.push(
      issue(
        "invalid-version",
        `\`Version\` must be \`2012-10-17\` or \`2008-10-17\`, found \`${version.value}\``,
        version.position,
      ),
    );
  }
  const idNode = members.get("Id");
  const id = idNode ? optionalString(idNode, "Id", issues) : undefined;
  const statementNode = members.get("Statement");
  const statements: Statement[] = [];
  if (!statementNode) {
    issues.push(issue("missing-statement", "policy has no `Statement` element", root.position));
  } else {
    const items = statementNode.kind === "array" ? statementNode.items : [statementNode];
    items.forEach((item, index) => {
      const statement = parseStatement(item, index, issues);
      if (statement) statements.push(statement);
    });
  }
  const policy: PolicyDocument = {
    statements,
    ...(version ? { version } : {}),
    ...(id ? { id } : {}),
    ...at(root.position),
  };
  return { policy, issues };
}

function parseStatement(
  node: JsonNode,
  index: number,
  issues: ParseIssue[],
): Statement | undefined {
  if (node.kind !== "object") {
    issues.push(
      issue(
        "wrong-type",
        `statement ${index} must be an object, found ${node.kind}`,
        node.position,
      ),
    );
    return undefined;
  }
  const m = readMembers(node.entries, STATEMENT_ELEMENTS, `statement ${index}`, issues);
  const get = <T>(
    name: string,
    read: (n: JsonNode, name: string, issues: ParseIssue[]) => T | undefined,
  ) => {
    const n = m.get(name);
    return n ? read(n, name, issues) : undefined;
  };
  const statement: Statement = {
    index,
    ...at(node.position),
    ...optional("sid", get("Sid", optionalString)),
    ...optional("effect", get("Effect", optionalString)),
    ...optional("principal", get("Principal", principalBlock)),
    ...optional("notPrincipal", get("NotPrincipal", principalBlock)),
    ...optional("action", get("Action", stringList)),
    ...optional("notAction", get("NotAction", stringList)),
    ...optional("resource", get("Resource", stringList)),
    ...optional("notResource", get("NotResource", stringList)),
    ...optional("condition", get("Condition", conditionBlock)),
  };
  return statement;
}

function readMembers(
  entries: JsonEntry[],
  known: readonly string[],
  where: string,
  issues: ParseIssue[],
): Map<string, JsonNode> {
  const out = new Map<string, JsonNode>();
  for (const entry of entries) {
    if (!known.includes(entry.key)) {
      const near = closestName(entry.key, known);
      const hint = near ? `; did you mean \`${near}\`` : "";
      issues.push(
        issue(
          "unknown-element",
          `unknown element \`${entry.key}\` in ${where}${hint}`,
          entry.keyPosition,
        ),
      );
      continue;
    }
    if (out.has(entry.key)) {
      issues.push(
        issue(
          "duplicate-element",
          `duplicate element \`${entry.key}\` in ${where}`,
          entry.keyPosition,
        ),
      );
    }
    out.set(entry.key, entry.value);
  }
  return out;
}

function optionalString(node: JsonNode, name: string, issues: ParseIssue[]): Located | undefined {
  if (node.kind === "string") return located(node.value, node.position);
  issues.push(
    issue("wrong-type", `\`${name}\` must be a string, found ${node.kind}`, node.position),
  );
  return undefined;
}

function stringList(node: JsonNode, name: string, issues: ParseIssue[]): Located[] | undefined {
  const items = node.kind === "array" ? node.items : [node];
  if (node.kind === "array" && items.length === 0) {
    issues.push(issue("empty-element", `\`${name}\` must not be empty`, node.position));
  }
  const out: Located[] = [];
  for (const item of items) {
    if (item.kind === "string") out.push(located(item.value, item.position));
    else
      issues.push(
        issue(
          "wrong-type",
          `\`${name}\` values must be strings, found ${item.kind}`,
          item.position,
        ),
      );
  }
  return out;
}

function principalBlock(
  node: JsonNode,
  name: string,
  issues: ParseIssue[],
): PrincipalBlock | undefined {
  if (node.kind === "string") {
    if (node.value !== "*") {
      issues.push(
        issue(
          "invalid-principal",
          `\`${name}\` must be \`"*"\` or an object such as {"AWS": ...}, found \`${node.value}\``,
          node.position,
        ),
      );
      return undefined;
    }
    return { wildcard: true, entries: [], ...at(node.position) };
  }
  if (node.kind !== "object") {
    issues.push(
      issue(
        "wrong-type",
        `\`${name}\` must be "*" or an object, found ${node.kind}`,
        node.position,
      ),
    );
    return undefined;
  }
  const entries: PrincipalBlock["entries"][number][] = [];
  for (const entry of node.entries) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(entry.key)) {
      issues.push(
        issue(
          "unknown-principal-type",
          `unknown principal type \`${entry.key}\` in \`${name}\`; expected one of ${PRINCIPAL_TYPES.join(", ")}`,
          entry.keyPosition,
        ),
      );
      continue;
    }
    const values = stringList(entry.value, `${name}.${entry.key}`, issues) ?? [];
    entries.push({ type: located(entry.key, entry.keyPosition), values });
  }
  return { wildcard: false, entries, ...at(node.position) };
}

function conditionBlock(
  node: JsonNode,
  _name: string,
  issues: ParseIssue[],
): ConditionEntry[] | undefined {
  if (node.kind !== "object") {
    issues.push(
      issue("wrong-type", `\`Condition\` must be an object, found ${node.kind}`, node.position),
    );
    return undefined;
  }
  const out: ConditionEntry[] = [];
  for (const opEntry of node.entries) {
    const operator = located(opEntry.key, opEntry.keyPosition);
    if (opEntry.value.kind !== "object") {
      issues.push(
        issue(
          "wrong-type",
          `condition operator \`${opEntry.key}\` must map to an object of keys, found ${opEntry.value.kind}`,
          opEntry.value.position,
        ),
      );
      continue;
    }
    for (const keyEntry of opEntry.value.entries) {
      const raw = keyEntry.value;
      const items = raw.kind === "array" ? raw.items : [raw];
      const values: Located[] = [];
      for (const item of items) {
        if (item.kind === "string") values.push(located(item.value, item.position));
        else if (item.kind === "number" || item.kind === "boolean")
          values.push(located(String(item.value), item.position));
        else {
          issues.push(
            issue(
              "wrong-type",
              `condition values for \`${keyEntry.key}\` must be strings, numbers or booleans, found ${item.kind}`,
              item.position,
            ),
          );
        }
      }
      out.push({ operator, key: located(keyEntry.key, keyEntry.keyPosition), values });
    }
  }
  return out;
}

function located(value: string, position: SourcePosition | undefined): Located {
  return position ? { value, position } : { value };
}

function issue(code: string, message: string, position: SourcePosition | undefined): ParseIssue {
  return { code, message, ...at(position) };
}
