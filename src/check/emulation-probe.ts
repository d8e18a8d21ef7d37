/**
 * The check's one document probe: deploy the template into a fresh
 * emulator (`emulateTemplate`) as its deployment setting says, report what
 * could not be created, then run every probe on what was. Findings carry
 * the template's own file and positions, so suppressions in its metadata
 * apply to them; what the expansion and resolution reported comes back as
 * diagnostics.
 */
import type { TemplateDocument } from "../templates/model.js";
import type { DeploymentSetting } from "./deployment-setting.js";
import { emulateTemplate } from "./emulate.js";
import { PROBES } from "./probes/all.js";
import { deployFailureFindings } from "./probes/deploy-failures.js";
import type { ProbeOutcome } from "./run-check.js";

/**
 * Every finding for one template.
 *
 * @example
 * emulationProbe(document).findings.map((f) => f.ruleId); // ["efs-anonymous-mount-allowed", …]
 */
export function emulationProbe(
  document: TemplateDocument,
  setting: DeploymentSetting = {},
): ProbeOutcome {
  const { emulation, diagnostics } = emulateTemplate(document, setting);
  if (emulation === undefined) return { findings: [], diagnostics };
  const findings = [
    ...deployFailureFindings(emulation, setting),
    ...PROBES.flatMap((probe) => probe(emulation.run)),
  ];
  return { findings, diagnostics };
}
