/**
 * What `accesslab deploy` prints while a stack is created, the same for a
 * server and for the in-memory emulator: one line per stack event (time,
 * status, type, logical id, reason), and the outcome read from the events:
 * the stack's last status and, for a rollback, the resource that failed
 * and why.
 */

/** A stack event as the deploy command sees it. */
export interface DeployEvent {
  readonly eventId: string;
  readonly timestamp: Date;
  readonly logicalId: string;
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
}

/** The statuses a stack creation or update ends in. */
export const FINAL_STATUSES = new Set([
  "CREATE_COMPLETE",
  "ROLLBACK_COMPLETE",
  "ROLLBACK_FAILED",
  "CREATE_FAILED",
  "UPDATE_COMPLETE",
  "UPDATE_ROLLBACK_COMPLETE",
  "UPDATE_ROLLBACK_FAILED",
]);

/**
 * One progress line.
 *
 * @example
 * eventLine(event); // "22:30:01  CREATE_COMPLETE      AWS::IAM::Role                 FnRole"
 */
export function eventLine(e: DeployEvent): string {
  const time = e.timestamp.toISOString().slice(11, 19);
  const head = `${time}  ${e.status.padEnd(22)} ${e.type.padEnd(34)} ${e.logicalId}`;
  return e.reason === undefined ? head : `${head}  ${e.reason}`;
}

/**
 * The stack's final status, if its events show one.
 *
 * @example
 * finalStatus(events, "app"); // "ROLLBACK_COMPLETE"
 */
export function finalStatus(events: readonly DeployEvent[], stackName: string): string | undefined {
  const last = [...events]
    .reverse()
    .find((e) => e.logicalId === stackName && e.type === "AWS::CloudFormation::Stack");
  return last && FINAL_STATUSES.has(last.status) ? last.status : undefined;
}

/**
 * The summary printed when a stack rolled back: the first failed resource and its reason.
 *
 * @example
 * failureSummary(events, "svc"); // "stack `svc` rolled back: `Fn` (AWS::Lambda::Function) failed: …"
 */
export function failureSummary(events: readonly DeployEvent[], stackName: string): string {
  const failed = events.find(
    (e) =>
      (e.status === "CREATE_FAILED" || e.status === "UPDATE_FAILED") &&
      e.type !== "AWS::CloudFormation::Stack",
  );
  if (!failed) {
    const rollback = events.find(
      (e) =>
        (e.status === "ROLLBACK_IN_PROGRESS" || e.status === "UPDATE_ROLLBACK_IN_PROGRESS") &&
        e.logicalId === stackName &&
        e.type === "AWS::CloudFormation::Stack" &&
        e.reason,
    );
    return rollback
      ? `stack \`${stackName}\` rolled back: ${rollback.reason}`
      : `stack \`${stackName}\` rolled back`;
  }
  return `stack \`${stackName}\` rolled back: \`${failed.logicalId}\` (${failed.type}) failed: ${failed.reason ?? "no reason given"}`;
}
