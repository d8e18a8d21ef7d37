/**
 * The `AWS::Lambda::Function` the SAM transform makes of an
 * `AWS::Serverless::Function`: the properties Lambda shares with SAM are
 * carried over as written (with their own positions), `CodeUri`/
 * `InlineCode`/`ImageUri` become `Code`, `Tracing` becomes `TracingConfig`,
 * `DeadLetterQueue` becomes `DeadLetterConfig`, the tag map becomes a tag
 * list led by `lambda:createdBy: SAM`, and `Role` is the given one or the
 * generated role's ARN. Resource attributes (`DependsOn`, `Condition`,
 * `Metadata`, deletion policies) stay on the function.
 */
import { type JsonNode, jsonNodeFromValue } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { CodeLocation } from "./code-uri.js";
import { SAM_TAG } from "./execution-role.js";
import { array, member, object, stamp, text } from "./nodes.js";

/** SAM function properties Lambda takes under the same name. */
const SAME_NAME = [
  "FunctionName",
  "Description",
  "Handler",
  "Runtime",
  "MemorySize",
  "Timeout",
  "Environment",
  "VpcConfig",
  "FileSystemConfigs",
  "KmsKeyArn",
  "Layers",
  "ReservedConcurrentExecutions",
  "Architectures",
  "EphemeralStorage",
  "CodeSigningConfigArn",
  "ImageConfig",
  "PackageType",
  "LoggingConfig",
  "RuntimeManagementConfig",
  "SnapStart",
  "RecursiveLoop",
];

/** Resource attributes carried from the SAM resource to the function. */
const ATTRIBUTES = ["DependsOn", "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy"];

/** What the function is built from. */
export interface FunctionInput {
  readonly logicalId: string;
  /** The SAM resource node (for its attributes). */
  readonly resource: JsonNode;
  /** The merged SAM properties. */
  readonly properties: JsonNode;
  readonly code: CodeLocation;
  readonly position: SourcePosition | undefined;
}

/**
 * The function resource node (the value under its logical id).
 *
 * @example
 * lambdaFunction({ logicalId: "Fn", resource, properties, code, position });
 */
export function lambdaFunction(input: FunctionInput): JsonNode {
  const { properties, position } = input;
  const role =
    member(properties, "Role") ??
    object(
      [
        [
          "Fn::GetAtt",
          array([text(`${input.logicalId}Role`, position), text("Arn", position)], position),
        ],
      ],
      position,
    );
  const tracing = member(properties, "Tracing");
  const dlq = member(properties, "DeadLetterQueue");
  const pairs: [string, JsonNode | undefined][] = SAME_NAME.map((k) => [k, member(properties, k)]);
  pairs.push(
    ["Code", input.code.code],
    ["Role", role],
    ["TracingConfig", tracing ? object([["Mode", tracing]], tracing.position) : undefined],
    [
      "DeadLetterConfig",
      dlq ? object([["TargetArn", member(dlq, "TargetArn")]], dlq.position) : undefined,
    ],
    ["Tags", tags(member(properties, "Tags"), position)],
  );
  if (member(properties, "ImageUri")) pairs.push(["PackageType", text("Image", position)]);
  const lambdaProperties = object(dedupe(pairs), position);
  return object(
    [
      ["Type", text("AWS::Lambda::Function", member(input.resource, "Type")?.position ?? position)],
      ["Properties", lambdaProperties],
      ...ATTRIBUTES.map((a) => [a, member(input.resource, a)] as const),
    ],
    position,
  );
}

/** SAM's tag map as Lambda's tag list, led by SAM's own tag. */
function tags(map: JsonNode | undefined, position: SourcePosition | undefined): JsonNode {
  const items = [stamp(jsonNodeFromValue(SAM_TAG), position)];
  if (map?.kind === "object")
    for (const e of map.entries)
      items.push(
        object(
          [
            ["Key", text(e.key, e.keyPosition)],
            ["Value", e.value],
          ],
          e.keyPosition,
        ),
      );
  return array(items, map?.position ?? position);
}

/** The first pair of each key wins (an explicit `PackageType` stays when set). */
function dedupe(pairs: [string, JsonNode | undefined][]): [string, JsonNode | undefined][] {
  const seen = new Set<string>();
  return pairs.filter(([k, v]) => {
    if (!v || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
