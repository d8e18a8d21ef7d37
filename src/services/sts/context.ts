/**
 * What STS needs from its surroundings: the same store, clock, random
 * source and account as IAM (STS reads IAM's roles, users and access keys),
 * and the record kind under which it keeps issued session credentials.
 */
import type { IamContext } from "../iam/context.js";

/** The STS service's dependencies (those of IAM, whose entities it reads). */
export type StsContext = IamContext;

/** Record kinds STS keeps. Sessions are keyed by their `ASIA…` access key id. */
export const RECORD = {
  session: "sts/session",
} as const;
