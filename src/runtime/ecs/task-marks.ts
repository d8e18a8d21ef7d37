/**
 * What in a container's environment says which task it belongs to: the
 * credentials path of the task's role (`/v2/credentials/<id>`, in
 * `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or at the end of
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI`; ids are random and the agent sets
 * these last, so no container variable can mask them), and for a task
 * without a role the host name derived from its id together with
 * Fargate's `AWS_EXECUTION_ENV`. `container-env.ts` builds the
 * environment from these helpers, and a later `serve` reads them back
 * from `/proc/<pid>/environ` to recognise a container an earlier one left
 * running before it kills it.
 */
import { EXECUTION_ENV } from "./assumptions.js";

/** The task a process should belong to. */
export interface TaskMarks {
  readonly taskId: string;
  /** The task role's container credentials id, when the task has a role. */
  readonly credentialsId?: string;
}

/**
 * The `HOSTNAME` a task's containers get (`ip-` and the task id's first 8 digits).
 *
 * @example
 * taskHostname("0f3c1a2b9e…"); // "ip-0f3c1a2b"
 */
export function taskHostname(taskId: string): string {
  return `ip-${taskId.slice(0, 8)}`;
}

/**
 * The credentials endpoint path of a container credentials id.
 *
 * @example
 * credentialsPath("abc"); // "/v2/credentials/abc"
 */
export function credentialsPath(id: string): string {
  return `/v2/credentials/${id}`;
}

/**
 * Whether an environment (as `/proc/<pid>/environ` holds it: `NAME=value`
 * entries separated by NUL) carries the task's marks.
 *
 * @example
 * carriesTaskMarks("HOSTNAME=ip-0f3c1a2b\0AWS_EXECUTION_ENV=AWS_ECS_FARGATE\0", { taskId: "0f3c1a2b9e…" }); // true
 */
export function carriesTaskMarks(environ: string, marks: TaskMarks): boolean {
  const env = new Map<string, string>();
  for (const entry of environ.split("\0")) {
    const at = entry.indexOf("=");
    if (at > 0) env.set(entry.slice(0, at), entry.slice(at + 1));
  }
  if (marks.credentialsId !== undefined) {
    const path = credentialsPath(marks.credentialsId);
    return (
      env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") === path ||
      (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")?.endsWith(path) ?? false)
    );
  }
  return (
    env.get("HOSTNAME") === taskHostname(marks.taskId) &&
    env.get("AWS_EXECUTION_ENV") === EXECUTION_ENV
  );
}
