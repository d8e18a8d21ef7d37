/**
 * Test support for probes: an in-memory emulator context and
 * `DeployedResource` values made by hand, so probe tests build the state
 * they need with the service functions and describe it as a deployed
 * template would.
 */
import { randomBytes } from "node:crypto";
import type { ServiceContext } from "../../services/context.js";
import { openStore } from "../../store/open.js";
import type { DeployedResource } from "../probe.js";

/**
 * A fresh in-memory service context.
 *
 * @example
 * const ctx = probeContext();
 */
export function probeContext(): ServiceContext {
  return {
    store: openStore({ kind: "memory" }),
    clock: () => Date.UTC(2026, 10, 23),
    random: (n) => new Uint8Array(randomBytes(n)),
    account: "000000000000",
    region: "us-east-1",
  };
}

/**
 * A deployed resource at line `line` of `template.yaml`.
 *
 * @example
 * deployed("Data", "AWS::EFS::FileSystem", fs.fileSystemId, 4);
 */
export function deployed(
  logicalId: string,
  type: string,
  physicalId: string,
  line: number,
): DeployedResource {
  const position = { line, column: 3 };
  return {
    logicalId,
    type,
    physicalId,
    dependsOn: [],
    file: "template.yaml",
    position,
    properties: {},
    positionOf: (path) => (path.length === 0 ? undefined : { ...position, line: line + 2 }),
  };
}
