/**
 * What the EFS service needs from its surroundings: the store, a clock, a
 * random source for ids, and the account and region it acts in.
 */
import type { Store } from "../../store/port.js";
import type { RandomBytes } from "./ids.js";

/** The EFS service's dependencies. */
export interface EfsContext {
  readonly store: Store;
  readonly clock: () => number;
  readonly random: RandomBytes;
  readonly account: string;
  readonly region: string;
}

/** Record kinds under which EFS resources are stored. */
export const RECORD = {
  fileSystem: "efs/file-system",
  accessPoint: "efs/access-point",
  mountTarget: "efs/mount-target",
} as const;
