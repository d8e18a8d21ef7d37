/**
 * The example templates of the seed situations (`examples/templates/`) are
 * what `accesslab check` is demonstrated and tested on, so they are held
 * here to CloudFormation's own rules, independently of accesslab's reader:
 * each parses as YAML with the CloudFormation tags and no unknown tag,
 * declares real-looking resources whose references (Ref, GetAtt, Sub,
 * DependsOn) all resolve, and has a sibling `<name>.expect.yaml` whose
 * findings name existing rules at their default severity, existing logical
 * ids and words the rule's title always contains; clean variants expect
 * nothing, and the README describes every file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRule } from "../../src/check/rules.js";
import { parseCfnYaml } from "./cfn-yaml.js";

const DIR = join(import.meta.dirname, "../../examples/templates");
const FILES = readdirSync(DIR).sort();
const EXPECTS = FILES.filter((f) => f.endsWith(".expect.yaml"));
const TEMPLATES = FILES.filter((f) => f.endsWith(".yaml") && !f.endsWith(".expect.yaml"));
const stem = (file: string) => file.replace(/(\.expect)?\.yaml$/, "");

const PSEUDO = new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix",
]);

/** The GetAtt attributes of the resource types the examples use (CloudFormation reference). */
const ATTRIBUTES: Record<string, string[]> = {
  "AWS::EC2::PrefixList": ["Arn", "OwnerId", "PrefixListId", "Version"],
  "AWS::EC2::SecurityGroup": ["GroupId", "VpcId"],
  "AWS::EC2::Subnet": ["AvailabilityZone", "CidrBlock", "SubnetId", "VpcId"],
  "AWS::EC2::VPC": ["CidrBlock", "DefaultSecurityGroup", "VpcId"],
  "AWS::EC2::VPCEndpoint": ["CreationTimestamp", "DnsEntries", "Id", "NetworkInterfaceIds"],
  "AWS::EFS::AccessPoint": ["AccessPointId", "Arn"],
  "AWS::EFS::FileSystem": ["Arn", "FileSystemId"],
  "AWS::FSx::FileSystem": ["DNSName", "LustreMountName", "ResourceARN", "RootVolumeId"],
  "AWS::IAM::Role": ["Arn", "RoleId"],
  "AWS::Lambda::Function": ["Arn"],
  "AWS::S3::Bucket": ["Arn", "DomainName", "RegionalDomainName"],
  "AWS::SecretsManager::Secret": ["Id"],
  "AWS::Serverless::Function": ["Arn"],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Template {
  Resources: Record<string, { Type: string; DependsOn?: string | string[] }>;
  Parameters?: Record<string, unknown>;
}
interface Expectation {
  ruleId: string;
  severity: string;
  logicalId: string;
  titleContains: string;
}

function load(file: string): { value: unknown; problems: string[] } {
  return parseCfnYaml(readFileSync(join(DIR, file), "utf8"));
}

/** Every reference a template makes, as `kind target` strings, e.g. `GetAtt Role.Arn`. */
function references(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) references(item, out);
  else if (node && typeof node === "object") {
    const ref = node.Ref;
    if (typeof ref === "string") out.push(`Ref ${ref}`);
    const att = node["Fn::GetAtt"];
    if (Array.isArray(att)) out.push(`GetAtt ${att.join(".")}`);
    const sub = node["Fn::Sub"];
    const [text, vars] = Array.isArray(sub) ? sub : [sub, {}];
    if (typeof text === "string") {
      const local = new Set(Object.keys(vars && typeof vars === "object" ? vars : {}));
      for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = m[1] ?? "";
        // IAM policy variables (`${aws:username}`) have one colon; pseudo parameters two.
        if (local.has(name) || (name.includes(":") && !name.includes("::"))) continue;
        out.push(name.includes(".") ? `GetAtt ${name}` : `Ref ${name}`);
      }
    }
    for (const value of Object.values(node)) references(value, out);
  }
  return out;
}

describe("example templates", () => {
  it("has one template and one clean variant per seed situation, each with expectations", () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(10);
    for (const situation of [
      "efs-access-points",
      "efs-iam-authorization",
      "ecs-fargate-credentials",
      "smb-secrets-vpc-endpoint",
      "serverless-deployment-role",
    ]) {
      expect(TEMPLATES).toContain(`${situation}.yaml`);
      expect(TEMPLATES).toContain(`${situation}-clean.yaml`);
    }
    expect(EXPECTS.map(stem).sort()).toEqual(TEMPLATES.map(stem).sort());
  });

  describe.each(TEMPLATES)("%s", (file) => {
    const { value, problems } = load(file);
    const template = value as Template;

    it("parses as CloudFormation YAML with known tags only", () => {
      expect(problems).toEqual([]);
      expect((value as Record<string, unknown>).AWSTemplateFormatVersion).toBe("2010-09-09");
      expect(Object.keys(template.Resources ?? {}).length).toBeGreaterThan(0);
    });

    it("uses real resource types and resolvable references", () => {
      const resources = template.Resources;
      for (const [id, resource] of Object.entries(resources)) {
        expect(id, file).toMatch(/^[A-Za-z0-9]+$/);
        expect(resource.Type, `${file} ${id}`).toMatch(/^(AWS::\w+::\w+|Custom::\w+)$/);
        for (const dep of [resource.DependsOn ?? []].flat()) {
          expect(Object.keys(resources), `${file} ${id} DependsOn`).toContain(dep);
        }
      }
      const known = new Set([...Object.keys(resources), ...Object.keys(template.Parameters ?? {})]);
      for (const ref of references(template.Resources as unknown as Json)) {
        const [kind, target = ""] = ref.split(" ");
        if (kind === "Ref") {
          expect(known.has(target) || PSEUDO.has(target), `${file}: ${ref}`).toBe(true);
          continue;
        }
        const [id = "", attribute = ""] = target.split(/\.(.*)/s);
        const type = resources[id]?.Type ?? "";
        expect(ATTRIBUTES[type] ?? [], `${file}: ${ref} (${type || "no such resource"})`).toContain(
          attribute,
        );
      }
    });

    it("expects findings that name existing rules, resources and title words", () => {
      const parsed = load(`${stem(file)}.expect.yaml`);
      expect(parsed.problems).toEqual([]);
      const expected = parsed.value as Expectation[];
      expect(Array.isArray(expected)).toBe(true);
      if (stem(file).endsWith("-clean")) expect(expected).toEqual([]);
      else expect(expected.length).toBeGreaterThan(0);
      for (const finding of expected) {
        expect(Object.keys(finding).sort()).toEqual([
          "logicalId",
          "ruleId",
          "severity",
          "titleContains",
        ]);
        const rule = findRule(finding.ruleId);
        expect(rule, `${file}: unknown rule ${finding.ruleId}`).toBeDefined();
        expect(finding.severity, `${file}: ${finding.ruleId}`).toBe(rule?.severity);
        expect(Object.keys(template.Resources), `${file}: ${finding.ruleId}`).toContain(
          finding.logicalId,
        );
        const literalParts = (rule?.title ?? "").split(/\{[a-zA-Z]+\}/);
        expect(
          literalParts.some((part) => part.includes(finding.titleContains)),
          `${file}: "${finding.titleContains}" is not fixed text of "${rule?.title}"`,
        ).toBe(true);
      }
    });
  });

  it("describes every template in the README", () => {
    const readme = readFileSync(join(DIR, "README.md"), "utf8");
    for (const file of TEMPLATES) expect(readme, file).toContain(file);
  });
});

describe("the CloudFormation YAML reading used here", () => {
  it("turns short-form tags into long forms", () => {
    expect(parseCfnYaml("A: !GetAtt Fs.Arn\nB: !Sub '${X}'\nC: !Select [0, !GetAZs '']\n")).toEqual(
      {
        value: {
          A: { "Fn::GetAtt": ["Fs", "Arn"] },
          B: { "Fn::Sub": "${X}" },
          C: { "Fn::Select": [0, { "Fn::GetAZs": "" }] },
        },
        problems: [],
      },
    );
  });

  it("reports unknown tags and duplicate keys with their line", () => {
    expect(parseCfnYaml("A: !Reff B\n").problems).toEqual(["1:4 Unresolved tag: !Reff"]);
    expect(parseCfnYaml("A: 1\nA: 2\n").problems[0]).toMatch(/^2:1 /);
  });

  it("finds references in Ref, GetAtt and both forms of Sub, skipping IAM variables", () => {
    const node = parseCfnYaml(
      "a: !Ref P\nb: !GetAtt R.Arn\nc: !Sub '${R.Arn}/${AWS::Region}/${aws:username}/${!Lit}'\nd: !Sub ['${v}-${Q}', {v: x}]\n",
    ).value as Json;
    expect(references(node)).toEqual([
      "Ref P",
      "GetAtt R.Arn",
      "GetAtt R.Arn",
      "Ref AWS::Region",
      "Ref Q",
    ]);
  });
});
