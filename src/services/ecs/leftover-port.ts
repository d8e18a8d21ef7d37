/**
 * The port through which ECS ends the containers a previous accesslab
 * left running: a task record says which host process led each
 * container, but after a `serve` was killed that pid may belong to
 * anything by now. The runner (the process runtime, which knows what it
 * put in a container's environment) decides whether a process group is
 * really the task's before it kills it, and says what it found; the
 * service only records the task as STOPPED.
 */

/** A container a task record says was running, as the runner needs to recognise it. */
export interface LeftoverContainer {
  /** The recorded pid of the container's main process (the leader of its process group). */
  readonly pid: number;
  readonly taskId: string;
  /** The task's container credentials id, when it has a role (its environment carries it). */
  readonly credentialsId?: string;
}

/**
 * What the runner found: `ended` (a process of the group carried the
 * task's marks and the group was killed), `gone` (nothing of the group
 * runs), `foreign` (processes with that group id run, none of them the
 * task's: left alone), `unverifiable` (this host cannot tell: left alone).
 */
export type LeftoverOutcome = "ended" | "gone" | "foreign" | "unverifiable";

/**
 * Ends a container's leftover process group when it is really the task's.
 *
 * @example
 * const end: EndLeftover = (c) => (c.pid > 0 ? "gone" : "unverifiable");
 * end({ pid: 4242, taskId: "0123…" }); // "gone"
 */
export type EndLeftover = (container: LeftoverContainer) => LeftoverOutcome;
