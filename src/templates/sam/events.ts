/**
 * A SAM function's `Events`: accesslab does not create event sources (API
 * Gateway, S3 notifications, queues, schedules), so each event is recorded
 * for the report and named in a `sam-event-not-modelled` warning. The pull
 * event types still shape the generated role the way the transform does:
 * SQS, Kinesis and DynamoDB add their AWS managed execution policy.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../model.js";
import { member } from "./nodes.js";

/** One event of one function, as written. */
export interface SamEvent {
  readonly functionLogicalId: string;
  readonly name: string;
  /** e.g. `S3`, `Api`, `SQS`; empty when the event has no string `Type`. */
  readonly type: string;
  readonly position?: SourcePosition;
}

/** Event types whose role policy the transform adds (pull event sources). */
const EVENT_POLICIES: Readonly<Record<string, string>> = {
  SQS: "AWSLambdaSQSQueueExecutionRole",
  Kinesis: "AWSLambdaKinesisExecutionRole",
  DynamoDB: "AWSLambdaDynamoDBExecutionRole",
};

/**
 * Reads `Events` of the function `logicalId`.
 *
 * @example
 * const { events, policies } = readEvents(properties, "Fn", "template.yaml");
 */
export function readEvents(
  properties: JsonNode,
  logicalId: string,
  file: string,
): { events: SamEvent[]; policies: string[]; diagnostics: TemplateDiagnostic[] } {
  const events: SamEvent[] = [];
  const policies: string[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const node = member(properties, "Events");
  if (node?.kind !== "object") return { events, policies, diagnostics };
  for (const entry of node.entries) {
    const typeNode = member(entry.value, "Type");
    const type = typeNode?.kind === "string" ? typeNode.value : "";
    const position = entry.keyPosition ?? entry.value.position;
    events.push({ functionLogicalId: logicalId, name: entry.key, type, ...at(position) });
    const policy = EVENT_POLICIES[type];
    if (policy && !policies.includes(policy)) policies.push(policy);
    diagnostics.push({
      severity: "warning",
      code: "sam-event-not-modelled",
      message: `event \`${entry.key}\` (type \`${type || "?"}\`) of \`${logicalId}\` is not modelled: accesslab creates no event source or invoke permission for it`,
      file,
      logicalId,
      ...at(position),
    });
  }
  return { events, policies, diagnostics };
}
