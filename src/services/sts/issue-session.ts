/**
 * Issues role session credentials: an `ASIA…` access key id, a secret and
 * a session token from the injected random source, an expiration from the
 * injected clock, and the session record that `resolveAccessKey` later
 * finds by key id.
 */
import { assumedRoleArn, newSecretAccessKey, newUniqueId } from "../iam/ids.js";
import type { Role } from "../iam/model.js";
import { RECORD, type StsContext } from "./context.js";
import type { Session } from "./model.js";

/** What a new session needs. */
export interface SessionRequest {
  readonly role: Role;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly sourcePrincipal: string;
  readonly sessionPolicy?: string;
}

/**
 * Creates and stores a role session.
 *
 * @example
 * const s = issueSession(ctx, { role, sessionName: "s1", durationSeconds: 900, sourcePrincipal: "lambda.amazonaws.com" });
 * s.assumedRoleUser.arn; // "arn:aws:sts::000000000000:assumed-role/app/s1"
 */
export function issueSession(ctx: StsContext, request: SessionRequest): Session {
  const { role, sessionName } = request;
  const session: Session = {
    credentials: {
      accessKeyId: newUniqueId("ASIA", ctx.random),
      secretAccessKey: newSecretAccessKey(ctx.random),
      sessionToken: Buffer.from(ctx.random(96)).toString("base64"),
      expiration: ctx.clock() + request.durationSeconds * 1000,
    },
    assumedRoleUser: {
      assumedRoleId: `${role.roleId}:${sessionName}`,
      arn: assumedRoleArn(ctx.account, role.roleName, sessionName),
    },
    roleArn: role.arn,
    sessionName,
    sourcePrincipal: request.sourcePrincipal,
    ...(request.sessionPolicy !== undefined ? { sessionPolicy: request.sessionPolicy } : {}),
  };
  ctx.store.transaction(() =>
    ctx.store.records.put(RECORD.session, session.credentials.accessKeyId, session),
  );
  return session;
}
