/**
 * A lab's world: an in-memory store and EFS service with the scenario's
 * file systems, access points and principals created, and name maps from
 * the scenario's names to the ids AWS-style generation gave them.
 */
import type { EfsContext } from "../services/efs/context.js";
import {
  createAccessPoint,
  createFileSystem,
  putFileSystemPolicy,
} from "../services/efs/control-plane.js";
import type { RandomBytes } from "../services/efs/ids.js";
import { memoryStore } from "../store/memory/store.js";
import type { LabPrincipal, LabScenario } from "./scenario.js";

/** The lab's EFS service plus what the scenario's names stand for. */
export interface LabEnvironment {
  readonly efs: EfsContext;
  readonly fileSystems: ReadonlyMap<string, string>;
  readonly accessPoints: ReadonlyMap<string, string>;
  readonly principals: ReadonlyMap<string, LabPrincipal>;
}

/**
 * Creates the environment for a scenario. `random` and `clock` make runs
 * reproducible (ids and times in transcripts).
 *
 * @example
 * const env = createLabEnvironment(scenario, seededRandom(1), () => Date.UTC(2026, 0, 1));
 */
export function createLabEnvironment(
  scenario: LabScenario,
  random: RandomBytes,
  clock: () => number,
): LabEnvironment {
  const efs: EfsContext = {
    store: memoryStore(),
    random,
    clock,
    account: scenario.account,
    region: scenario.region,
  };
  const fileSystems = new Map<string, string>();
  for (const fs of scenario.fileSystems) {
    const created = createFileSystem(efs, { creationToken: fs.name, name: fs.name });
    if (fs.policy !== undefined) putFileSystemPolicy(efs, created.fileSystemId, fs.policy);
    fileSystems.set(fs.name, created.fileSystemId);
  }
  const accessPoints = new Map<string, string>();
  for (const ap of scenario.accessPoints) {
    const fileSystemId = fileSystems.get(ap.fileSystem);
    if (!fileSystemId)
      throw new LabSetupError(
        `access point \`${ap.name}\` names unknown file system \`${ap.fileSystem}\``,
      );
    const created = createAccessPoint(efs, {
      fileSystemId,
      name: ap.name,
      ...(ap.posixUser ? { posixUser: ap.posixUser } : {}),
      ...(ap.rootDirectory ? { rootDirectory: ap.rootDirectory } : {}),
    });
    accessPoints.set(ap.name, created.accessPointId);
  }
  return {
    efs,
    fileSystems,
    accessPoints,
    principals: new Map(scenario.principals.map((p) => [p.name, p])),
  };
}

/** A scenario that names something it does not declare. */
export class LabSetupError extends Error {}

/**
 * A deterministic byte source (xorshift32), so lab ids are the same on every run.
 *
 * @example
 * seededRandom(7)(4); // the same 4 bytes every time
 */
export function seededRandom(seed: number): RandomBytes {
  let state = seed >>> 0 || 1;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}
