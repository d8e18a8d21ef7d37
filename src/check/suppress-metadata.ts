/**
 * Ignore entries written on a resource, as
 * `Metadata: {accesslab: {ignore: [{id, reason}]}}`, read from the
 * positioned template tree. A reason is required: an entry without one
 * does not suppress anything and becomes a finding of its own
 * (`accesslab-suppression-without-reason`) at the entry's position; an
 * `accesslab` block of the wrong shape becomes
 * `accesslab-suppression-invalid`. Other tools' metadata keys are left alone.
 */
import { readArray, readObject, readString, ShapeError } from "../formats/json-read.js";
import { type JsonNode, member } from "../formats/json-tree.js";
import { at } from "../formats/optional.js";
import type { SourcePosition } from "../formats/position.js";
import type { TemplateDocument } from "../templates/model.js";
import type { Finding } from "./finding.js";
import type { IgnoreRule } from "./suppression.js";

/** Rule id of the finding for an ignore entry without a reason. */
export const SUPPRESSION_WITHOUT_REASON = "accesslab-suppression-without-reason";

/** Rule id of the finding for an `accesslab` metadata block of the wrong shape. */
export const SUPPRESSION_INVALID = "accesslab-suppression-invalid";

/** What a template's resources say about suppression. */
export interface MetadataIgnores {
  readonly rules: readonly IgnoreRule[];
  readonly findings: readonly Finding[];
}

/**
 * Reads every resource's `Metadata.accesslab.ignore`.
 *
 * @example
 * const { rules, findings } = readMetadataIgnores(document);
 * rules[0]; // { ruleId: "efs-access-point-root-user", logicalId: "Data", file: "t.yaml", reason: "…", … }
 */
export function readMetadataIgnores(document: TemplateDocument): MetadataIgnores {
  const rules: IgnoreRule[] = [];
  const findings: Finding[] = [];
  for (const [logicalId, resource] of resourcesOf(document.root)) {
    const block = member(member(resource, "Metadata"), "accesslab");
    if (!block) continue;
    try {
      const entries = readObject(block, "`Metadata.accesslab`", ["ignore"]).get("ignore");
      if (!entries) continue;
      for (const [i, entry] of readArray(entries, "Metadata.accesslab.ignore").entries()) {
        const where = `Metadata.accesslab.ignore[${i}]`;
        const m = readObject(entry, `\`${where}\``, ["id", "reason"]);
        const idNode = m.get("id");
        if (!idNode) throw new ShapeError(`\`${where}\` has no \`id\``, entry.position);
        const ruleId = readString(idNode, `${where}.id`);
        const reasonNode = m.get("reason");
        const reason = reasonNode ? readString(reasonNode, `${where}.reason`).trim() : "";
        if (reason === "") {
          findings.push(withoutReason(document.file, logicalId, ruleId, entry.position));
          continue;
        }
        rules.push({
          ruleId,
          reason,
          source: "metadata",
          logicalId,
          file: document.file,
          declaredIn: document.file,
          ...at(entry.position),
        });
      }
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      findings.push(invalid(document.file, logicalId, error.message, error.position));
    }
  }
  return { rules, findings };
}

function resourcesOf(root: JsonNode): [string, JsonNode][] {
  const resources = member(root, "Resources");
  if (resources?.kind !== "object") return [];
  return resources.entries.map((e) => [e.key, e.value]);
}

function withoutReason(
  file: string,
  logicalId: string,
  ruleId: string,
  position: SourcePosition | undefined,
): Finding {
  return {
    ruleId: SUPPRESSION_WITHOUT_REASON,
    severity: "warning",
    title: `ignore entry for \`${ruleId}\` has no reason, so it suppresses nothing`,
    file,
    logicalId,
    ...at(position),
    explanation:
      "accesslab requires every suppression to say why the finding does not apply, so the next " +
      "reader of the template can judge whether it still holds. An entry without a `reason` is " +
      "not applied: the findings it names are reported as usual.",
    evidence: [`Metadata.accesslab.ignore: { id: ${ruleId} } has no \`reason\``],
    fix: `add a \`reason\` to the entry, e.g. \`{id: ${ruleId}, reason: "why it does not apply"}\`, or remove the entry`,
  };
}

function invalid(
  file: string,
  logicalId: string,
  message: string,
  position: SourcePosition | undefined,
): Finding {
  return {
    ruleId: SUPPRESSION_INVALID,
    severity: "warning",
    title: `\`Metadata.accesslab\` is malformed: ${message}`,
    file,
    logicalId,
    ...at(position),
    explanation:
      "The resource's `Metadata.accesslab` block could not be read, so none of its ignore " +
      "entries are applied.",
    evidence: [message],
    fix: "write it as `accesslab: {ignore: [{id: RULE_ID, reason: WHY}]}`",
  };
}
