/**
 * What the credentials service needs: the shared service context (store,
 * clock, random source, account, region; STS reads IAM's roles through it)
 * and the record kinds under which registrations and vended sessions are
 * kept.
 */
import type { ServiceContext } from "../context.js";

/** The credentials service's dependencies. */
export type CredentialsContext = ServiceContext;

/**
 * Record kinds. Container registrations are keyed by their id; the one
 * instance profile of the local "instance" by {@link INSTANCE_PROFILE_KEY};
 * the session last vended for either (`{ accessKeyId }`) under `lastVended`,
 * keyed `container/<id>` or `instance/<instance id>`.
 */
export const RECORD = {
  container: "credentials/container",
  instanceProfile: "credentials/instance-profile",
  lastVended: "credentials/last-vended",
} as const;

/** The key of the local instance's profile record. */
export const INSTANCE_PROFILE_KEY = "local";
