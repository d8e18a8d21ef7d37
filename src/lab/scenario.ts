/**
 * The lab scenario format (`accesslab lab SCENARIO.yaml`): file systems,
 * access points and principals to create, then steps run in order on one
 * shared state. Reading is strict and positioned: a bad field stops the
 * run with `file:line:column` before anything executes.
 */
import { readEmbeddedPolicy } from "../engines/policy/embedded-policy.js";
import type { NamedPolicy } from "../engines/policy/policy-set.js";
import { readArray, readObject, readString, ShapeError } from "../formats/json-read.js";
import { type JsonNode, jsonNodeToValue } from "../formats/json-tree.js";
import { at, optional } from "../formats/optional.js";
import type { SourcePosition } from "../formats/position.js";
import { parseYamlTree } from "../formats/yaml-tree.js";
import { readPosixUserNode, readRootDirectoryNode } from "../services/efs/access-point-fields.js";
import type { PosixUser, RootDirectory } from "../services/efs/model.js";
import { type LabStep, readMountDefaults, readStep } from "./steps.js";

/** A file system to create; `policy` absent means the default policy. */
export interface LabFileSystem {
  readonly name: string;
  readonly policy?: string;
}

/** An access point to create. */
export interface LabAccessPoint {
  readonly name: string;
  readonly fileSystem: string;
  readonly posixUser?: PosixUser;
  readonly rootDirectory?: RootDirectory;
}

/** An IAM principal clients may mount as, with its identity policies. */
export interface LabPrincipal {
  readonly name: string;
  readonly arn: string;
  readonly identityPolicies: readonly NamedPolicy[];
}

/** A whole lab scenario. */
export interface LabScenario {
  readonly name?: string;
  readonly account: string;
  readonly region: string;
  readonly fileSystems: readonly LabFileSystem[];
  readonly accessPoints: readonly LabAccessPoint[];
  readonly principals: readonly LabPrincipal[];
  readonly steps: readonly LabStep[];
}

/** A scenario problem with its position. */
export interface LabScenarioError {
  readonly message: string;
  readonly position?: SourcePosition;
}

const TOP = [
  "name",
  "description",
  "account",
  "region",
  "fileSystems",
  "accessPoints",
  "principals",
  "defaults",
  "steps",
];

/**
 * Reads a YAML (or JSON) lab scenario.
 *
 * @example
 * const { scenario, error } = readLabScenario(text);
 */
export function readLabScenario(text: string): {
  scenario?: LabScenario;
  error?: LabScenarioError;
} {
  const { root, error } = parseYamlTree(text);
  if (!root)
    return { error: { message: `yaml syntax: ${error?.message}`, ...at(error?.position) } };
  try {
    return { scenario: readScenario(root) };
  } catch (e) {
    if (e instanceof ShapeError) return { error: { message: e.message, ...at(e.position) } };
    throw e;
  }
}

function readScenario(root: JsonNode): LabScenario {
  const m = readObject(root, "scenario", TOP);
  const list = <T>(key: string, read: (n: JsonNode, where: string) => T): T[] => {
    const n = m.get(key);
    return n ? readArray(n, key).map((item, i) => read(item, `${key}[${i}]`)) : [];
  };
  const defaults = m.get("defaults");
  const mountDefaults = readMountDefaults(
    defaults ? readObject(defaults, "defaults", ["mount"]).get("mount") : undefined,
  );
  const stepsNode = m.get("steps");
  if (!stepsNode) throw new ShapeError("scenario has no `steps`", root.position);
  const name = m.get("name");
  const account = m.get("account");
  const region = m.get("region");
  return {
    ...optional("name", name ? readString(name, "name") : undefined),
    account: account ? readString(account, "account") : "111122223333",
    region: region ? readString(region, "region") : "us-east-1",
    fileSystems: list("fileSystems", readFileSystem),
    accessPoints: list("accessPoints", readAccessPoint),
    principals: list("principals", readPrincipal),
    steps: readArray(stepsNode, "steps").map((n, i) => readStep(n, `steps[${i}]`, mountDefaults)),
  };
}

function readFileSystem(node: JsonNode, where: string): LabFileSystem {
  const m = readObject(node, where, ["name", "policy"]);
  const name = m.get("name");
  if (!name) throw new ShapeError(`${where} has no \`name\``, node.position);
  const policy = m.get("policy");
  return {
    name: readString(name, `${where}.name`),
    ...optional("policy", policy ? policyText(policy, `${where}.policy`) : undefined),
  };
}

function readAccessPoint(node: JsonNode, where: string): LabAccessPoint {
  const m = readObject(node, where, ["name", "fileSystem", "posixUser", "rootDirectory"]);
  const need = (key: string) => {
    const n = m.get(key);
    if (!n) throw new ShapeError(`${where} has no \`${key}\``, node.position);
    return readString(n, `${where}.${key}`);
  };
  const posix = m.get("posixUser");
  const root = m.get("rootDirectory");
  return {
    name: need("name"),
    fileSystem: need("fileSystem"),
    ...optional("posixUser", posix ? readPosixUserNode(posix, `${where}.posixUser`) : undefined),
    ...optional(
      "rootDirectory",
      root ? readRootDirectoryNode(root, `${where}.rootDirectory`) : undefined,
    ),
  };
}

function readPrincipal(node: JsonNode, where: string): LabPrincipal {
  const m = readObject(node, where, ["name", "arn", "identityPolicies"]);
  const name = m.get("name");
  const arn = m.get("arn");
  if (!name || !arn) throw new ShapeError(`${where} needs \`name\` and \`arn\``, node.position);
  const policies = m.get("identityPolicies");
  return {
    name: readString(name, `${where}.name`),
    arn: readString(arn, `${where}.arn`),
    identityPolicies: policies
      ? readArray(policies, `${where}.identityPolicies`).map((p, i) =>
          readEmbeddedPolicy(p, `${where}.identityPolicies[${i}]`),
        )
      : [],
  };
}

/** An embedded policy as the JSON text EFS stores (checked first). */
export function policyText(node: JsonNode, where: string): string {
  readEmbeddedPolicy(node, where);
  return JSON.stringify(jsonNodeToValue(node));
}
