/**
 * A reading of CloudFormation YAML for the example-template tests, kept
 * apart from `src/templates/` on purpose: the `yaml` package with a custom
 * schema that turns every short-form intrinsic tag (`!Ref`, `!GetAtt`,
 * `!Sub`, ...) into its long form, so the examples are checked against
 * CloudFormation's own syntax and not against the reader under test.
 * Unknown tags are reported as warnings by the `yaml` package.
 */
import {
  type CollectionTag,
  parseDocument,
  type ScalarTag,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

/** Short-form tags that take their long form as `Fn::<name>`. */
const FN_TAGS = [
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "Transform",
  "ToJsonString",
  "Length",
];

const wrap = (key: string, value: unknown) => ({ [key]: value });
const wrapNode = (key: string) => (node: YAMLMap.Parsed | YAMLSeq.Parsed) =>
  wrap(key, node.toJSON());

function tagsFor(name: string, key: string): (ScalarTag | CollectionTag)[] {
  return [
    { tag: `!${name}`, resolve: (text: string) => wrap(key, text) },
    {
      tag: `!${name}`,
      collection: "seq",
      resolve: wrapNode(key),
    },
    {
      tag: `!${name}`,
      collection: "map",
      resolve: wrapNode(key),
    },
  ];
}

/** The CloudFormation short-form tags, resolved to their long forms. */
export const CFN_TAGS: (ScalarTag | CollectionTag)[] = [
  ...tagsFor("Ref", "Ref"),
  ...tagsFor("Condition", "Condition"),
  { tag: "!GetAtt", resolve: (text: string) => wrap("Fn::GetAtt", text.split(/\.(.*)/s, 2)) },
  {
    tag: "!GetAtt",
    collection: "seq",
    resolve: wrapNode("Fn::GetAtt"),
  },
  ...FN_TAGS.flatMap((name) => tagsFor(name, `Fn::${name}`)),
];

/**
 * Parses CloudFormation YAML; `problems` lists syntax errors and warnings
 * (unknown tags among them) as `line:col message`.
 *
 * @example
 * parseCfnYaml("A: !Ref B\n").value; // { A: { Ref: "B" } }
 */
export function parseCfnYaml(text: string): { value: unknown; problems: string[] } {
  const doc = parseDocument(text, { customTags: CFN_TAGS, uniqueKeys: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings].map(
    (p) =>
      `${p.linePos?.[0]?.line}:${p.linePos?.[0]?.col} ${p.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
  );
  return { value: doc.toJS(), problems };
}
