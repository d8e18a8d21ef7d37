/**
 * CloudFormation YAML into a positioned JSON tree: YAML 1.1 as AWS documents
 * it (see assumptions.ts), every short-form tag (`!Ref`, `!GetAtt`, …) turned
 * into its long form, keys always strings. Syntax errors make the text
 * unreadable (diagnostics only); unknown tags and aliases are diagnosed but
 * the tree is still built, so the rest of the template can be checked.
 */
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Tags,
  visit,
} from "yaml";
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../model.js";
import { ALIAS_SEVERITY, UNSUPPORTED_YAML_TAGS, YAML_VERSION } from "./assumptions.js";
import { diagnostic } from "./diagnostic.js";
import { expandShortTag } from "./short-tags.js";

/** A parsed tree (absent when the text cannot be read) and what reading found. */
export interface ParsedTree {
  readonly root?: JsonNode;
  readonly diagnostics: TemplateDiagnostic[];
}

const withoutUnsupported = (tags: Tags): Tags =>
  tags.filter((t) => !UNSUPPORTED_YAML_TAGS.includes(typeof t === "string" ? t : t.tag));

/**
 * Parses CloudFormation YAML text.
 *
 * @example
 * parseCfnYaml("Resources:\n  B:\n    Type: !Ref T\n", "t.yaml").root; // Type is {"Ref": "T"}
 */
export function parseCfnYaml(text: string, file: string): ParsedTree {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: false,
    version: YAML_VERSION,
    customTags: withoutUnsupported,
  });
  const pos = (offset: number): SourcePosition => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) =>
        diagnostic(file, "error", "yaml-syntax", yamlMessage(e.message), {
          position: pos(e.pos[0]),
        }),
      ),
    };
  }
  const diagnostics: TemplateDiagnostic[] = [];
  const position = (node: Node | null | undefined): SourcePosition | undefined => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : pos(offset);
  };
  /** Where `!Tag` is written: just before the node it tags. */
  const tagPosition = (tag: string, node: Node): SourcePosition | undefined => {
    const start = node.range?.[0];
    if (start === undefined) return undefined;
    const at = text.lastIndexOf(tag, start);
    return at >= 0 ? pos(at) : pos(start);
  };
  const aliasTargets = anchorsOfAliases(doc);
  const expanding = new Set<unknown>();
  const convert = (node: unknown): JsonNode => {
    if (isAlias(node)) {
      diagnostics.push(
        diagnostic(
          file,
          ALIAS_SEVERITY,
          "yaml-alias",
          `yaml alias \`*${node.source}\` is not supported by cloudformation`,
          { position: position(node) },
        ),
      );
      const target = aliasTargets.get(node);
      if (target === undefined || expanding.has(target)) {
        diagnostics.push(
          diagnostic(
            file,
            "error",
            "yaml-alias",
            `yaml alias \`*${node.source}\` refers to itself`,
            {
              position: position(node),
            },
          ),
        );
        return { kind: "null" };
      }
      expanding.add(target);
      const expanded = convert(target);
      expanding.delete(target);
      return expanded;
    }
    const plain = convertUntagged(node);
    const tag = (node as Node | null)?.tag;
    if (!tag) return plain;
    if (!tag.startsWith("!")) {
      if (UNSUPPORTED_YAML_TAGS.includes(tag)) unknownTag(tag, node as Node);
      return plain;
    }
    const long = expandShortTag(tag, plain, tagPosition(tag, node as Node));
    if (long) return long;
    unknownTag(tag, node as Node);
    return plain;
  };
  const unknownTag = (tag: string, node: Node): void => {
    const shown = tag.replace(/^tag:yaml\.org,2002:/, "!!");
    diagnostics.push(
      diagnostic(file, "error", "unknown-tag", `unknown tag \`${shown}\``, {
        position: tagPosition(shown, node),
      }),
    );
  };
  const convertUntagged = (node: unknown): JsonNode => {
    const where = position(node as Node);
    const at = where ? { position: where } : {};
    if (isMap(node)) {
      return {
        kind: "object",
        ...at,
        entries: node.items.map((pair) => {
          const key = pair.key;
          const keyPosition = isScalar(key) || isMap(key) || isSeq(key) ? position(key) : undefined;
          return {
            key: keyText(key),
            ...(keyPosition ? { keyPosition } : {}),
            value: convert(pair.value),
          };
        }),
      };
    }
    if (isSeq(node)) return { kind: "array", ...at, items: node.items.map(convert) };
    if (isScalar(node)) return scalar(node.value, String(node.source ?? ""), at);
    return { kind: "null", ...at };
  };
  const root = convert(doc.contents);
  return { root, diagnostics };
}

/**
 * Each alias's node: the latest anchor of its name before it, found in one
 * walk in document order (the library's own `resolve` walks the whole
 * document for every alias, which is quadratic).
 */
function anchorsOfAliases(doc: Document): Map<Alias, unknown> {
  const latest = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  visit(doc, {
    Alias(_key, alias) {
      targets.set(alias, latest.get(alias.source));
    },
    Node(_key, node) {
      if (node.anchor) latest.set(node.anchor, node);
    },
  });
  return targets;
}

function scalar(value: unknown, source: string, at: { position?: SourcePosition }): JsonNode {
  if (typeof value === "string") return { kind: "string", value, ...at };
  if (typeof value === "number") return { kind: "number", value, ...at };
  if (typeof value === "boolean") {
    if (/^[yYnN]$/.test(source)) return { kind: "string", value: source, ...at };
    return { kind: "boolean", value, ...at };
  }
  if (typeof value === "bigint") return { kind: "number", value: Number(value), ...at };
  if (value === null || value === undefined) return { kind: "null", ...at };
  return { kind: "string", value: source, ...at };
}

/** A mapping key as text: its source for scalars (keys are names, never numbers or booleans). */
function keyText(key: unknown): string {
  if (isScalar(key)) return typeof key.value === "string" ? key.value : String(key.source ?? "");
  return String(key);
}

function yamlMessage(message: string): string {
  const first =
    message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid yaml";
  return first.charAt(0).toLowerCase() + first.slice(1);
}
