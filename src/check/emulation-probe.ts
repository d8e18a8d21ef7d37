/**
 * The check's one document probe: deploy the template into a fresh
 * emulator (`emulateTemplate`), report what could not be created, then run
 * every probe on what was. Findings carry the template's own file and
 * positions, so suppressions in its metadata apply to them.
 */
import type { TemplateDocument } from "../templates/model.js";
import { emulateTemplate } from "./emulate.js";
import type { Finding } from "./finding.js";
import { PROBES } from "./probes/all.js";
import { deployFailureFindings } from "./probes/deploy-failures.js";

/**
 * Every finding for one template.
 *
 * @example
 * emulationProbe(document).map((f) => f.ruleId); // ["efs-anonymous-mount-allowed", …]
 */
export function emulationProbe(document: TemplateDocument): readonly Finding[] {
  const emulation = emulateTemplate(document);
  if (emulation === undefined) return [];
  return [...deployFailureFindings(emulation), ...PROBES.flatMap((probe) => probe(emulation.run))];
}
