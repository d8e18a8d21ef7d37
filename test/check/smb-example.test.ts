/**
 * `accesslab check` on `examples/smb/template.yaml`, the seed's section-4
 * stack as a deployable SAM template, and on the "try breaking it" edits
 * its README lists. The variants are made here by editing the template's
 * text (each edit must match exactly once, so a change to the template
 * that would make a variant silently test nothing fails instead): the
 * template itself reports nothing; a function group without the 445 rule
 * but with explicit egress rules gets `smb-egress-445-blocked`, one with
 * no egress rules at all gets AWS's default allow-all egress and nothing;
 * an endpoint without private DNS, or a secret policy naming another
 * endpoint, gets `secrets-read-outside-endpoint`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emulationProbe } from "../../src/check/emulation-probe.js";
import { parseCloudFormation } from "../../src/templates/cfn/parse-template.js";

const FILE = "examples/smb/template.yaml";
const TEMPLATE = readFileSync(FILE, "utf8");

/** The function group's inline egress rule for SMB, as the template writes it. */
const SMB_EGRESS = `      SecurityGroupEgress:
        - Description: SMB to the file servers
          IpProtocol: tcp
          FromPort: 445
          ToPort: 445
          DestinationPrefixListId: !GetAtt FileServerPrefixList.PrefixListId
`;

/**
 * The placeholder rule the CDK writes for `allowAllOutbound: false`: it
 * matches no traffic and, being an explicit egress rule, removes the
 * default allow-all one.
 */
const NO_EGRESS_PLACEHOLDER = `      SecurityGroupEgress:
        - Description: Disallow all traffic
          IpProtocol: icmp
          FromPort: 252
          ToPort: 86
          CidrIp: 255.255.255.255/32
`;

const OTHER_ENDPOINT = "vpce-0a1b2c3d4e5f67890";

/** `text` with its one occurrence of `from` replaced by `to`. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `\`${from.trim()}\` once in ${FILE}`).toBe(1);
  return text.replace(from, to);
}

/** What `check` reports for `text` read as `FILE`. */
function check(text: string) {
  const { document, diagnostics } = parseCloudFormation(text, FILE);
  expect(diagnostics).toEqual([]);
  if (document === undefined) throw new Error(`${FILE} did not parse`);
  const outcome = emulationProbe(document);
  return {
    diagnostics: outcome.diagnostics,
    findings: outcome.findings.map((f) => ({
      ruleId: f.ruleId,
      logicalId: f.logicalId,
      title: f.title,
      evidence: f.evidence,
    })),
  };
}

describe("check on examples/smb/template.yaml", () => {
  it("reports nothing for the template as written, and every resource is probed", () => {
    const { diagnostics, findings } = check(TEMPLATE);
    expect(diagnostics).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("without the 445 rule among explicit egress rules: smb-egress-445-blocked on SmbFunction", () => {
    const { diagnostics, findings } = check(edit(TEMPLATE, SMB_EGRESS, NO_EGRESS_PLACEHOLDER));
    expect(diagnostics).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.logicalId])).toEqual([
      ["smb-egress-445-blocked", "SmbFunction"],
    ]);
    expect(findings[0]?.title).toContain("do not allow SMB (TCP 445) to file server FileServer");
    expect(findings[0]?.evidence.join("\n")).toMatch(/→ 10\.3\.10\.\d+:445/);
  });

  it("with no inline egress rule at all, the default allow-all egress lets SMB out: nothing", () => {
    const { diagnostics, findings } = check(edit(TEMPLATE, SMB_EGRESS, ""));
    expect(diagnostics).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("with the endpoint's private DNS off: secrets-read-outside-endpoint on SmbFunction", () => {
    const text = edit(TEMPLATE, "PrivateDnsEnabled: true", "PrivateDnsEnabled: false");
    const { diagnostics, findings } = check(text);
    expect(diagnostics).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.logicalId])).toEqual([
      ["secrets-read-outside-endpoint", "SmbFunction"],
    ]);
    expect(findings[0]?.title).toContain(
      "secret FileShareSecret denies reads outside endpoint SecretsManagerEndpoint",
    );
    expect(findings[0]?.evidence[0]).toContain("not through a VPC endpoint: ExplicitlyDenied");
  });

  it("with the policy naming another endpoint: secrets-read-outside-endpoint on SmbFunction", () => {
    const text = edit(
      TEMPLATE,
      "aws:sourceVpce: !Ref SecretsManagerEndpoint",
      `aws:sourceVpce: ${OTHER_ENDPOINT}`,
    );
    const { diagnostics, findings } = check(text);
    expect(diagnostics).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.logicalId])).toEqual([
      ["secrets-read-outside-endpoint", "SmbFunction"],
    ]);
    expect(findings[0]?.title).toContain(`denies reads outside endpoint ${OTHER_ENDPOINT}`);
    expect(findings[0]?.evidence[0]).toMatch(/ through vpce-[0-9a-f]+: ExplicitlyDenied$/);
    expect(findings[0]?.evidence[0]).not.toContain(OTHER_ENDPOINT);
  });
});
