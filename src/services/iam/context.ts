/**
 * What the IAM service needs from its surroundings: the store, a clock, a
 * random source for ids and secrets, and the account it acts in. IAM is a
 * global service, so there is no region.
 */
import type { Store } from "../../store/port.js";
import type { RandomBytes } from "./ids.js";

/** The IAM service's dependencies. */
export interface IamContext {
  readonly store: Store;
  readonly clock: () => number;
  readonly random: RandomBytes;
  readonly account: string;
}

/**
 * Record kinds under which IAM resources are stored. Roles and users are
 * keyed by their lowercased name (IAM names are unique case-insensitively),
 * customer managed policies by ARN, access keys by access key id.
 */
export const RECORD = {
  role: "iam/role",
  user: "iam/user",
  policy: "iam/managed-policy",
  accessKey: "iam/access-key",
} as const;

/** The store key of a role or user name. */
export const nameKey = (name: string): string => name.toLowerCase();
