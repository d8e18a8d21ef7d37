/**
 * What the EFS service needs from its surroundings: the store, a clock, a
 * random source for ids, and the account and region it acts in.
 */
import type { ServiceContext } from "../context.js";

/** The EFS service's dependencies: the shared service context. */
export type EfsContext = ServiceContext;

/** Record kinds under which EFS resources are stored. */
export const RECORD = {
  fileSystem: "efs/file-system",
  accessPoint: "efs/access-point",
  mountTarget: "efs/mount-target",
} as const;
