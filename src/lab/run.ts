/**
 * Runs a lab scenario's steps in order on one shared state and reports each
 * step as a shell command, its output, and whether its expectation held.
 * Steps never throw: a failed operation is its errno, a refused mount its
 * refusal code, and the run goes on.
 */

import { explainDecision } from "../engines/policy/explain.js";
import { parsePolicyNode } from "../engines/policy/parse.js";
import { describeErrno, type Errno } from "../engines/posix/errno.js";
import { jsonNodeToValue } from "../formats/json-tree.js";
import { deleteFileSystemPolicy, putFileSystemPolicy } from "../services/efs/control-plane.js";
import { EfsError } from "../services/efs/errors.js";
import { type ConnectionEvent, connectionStream } from "../services/efs/events.js";
import * as tree from "../services/efs/file-tree.js";
import { type Mount, mount } from "../services/efs/mount.js";
import type { LabEnvironment } from "./environment.js";
import { describeEvent, describeMount, formatListing, formatStat, mountCommand } from "./format.js";
import type { LabStep, MountArgs } from "./steps.js";

/** What happened at one step. */
export interface StepResult {
  readonly index: number;
  readonly step: LabStep;
  /** The step as the shell command a person would type. */
  readonly command: string;
  readonly ok: boolean;
  readonly errno?: Errno;
  readonly refusal?: string;
  readonly output: readonly string[];
  /** Present when the step carried `expect`. */
  readonly expectation?: { readonly expected: string; readonly met: boolean };
}

/**
 * Runs every step.
 *
 * @example
 * const results = runLab(env, scenario.steps);
 */
export function runLab(env: LabEnvironment, steps: readonly LabStep[]): StepResult[] {
  const mounts = new Map<string, Mount>();
  return steps.map((step, index) => {
    const outcome = runStep(env, mounts, step);
    const actual = outcome.refusal ?? outcome.errno ?? "ok";
    return {
      index,
      step,
      ...outcome,
      ...(step.expect === undefined
        ? {}
        : { expectation: { expected: step.expect, met: step.expect === actual } }),
    };
  });
}

type Outcome = Omit<StepResult, "index" | "step" | "expectation">;

function runStep(env: LabEnvironment, mounts: Map<string, Mount>, step: LabStep): Outcome {
  if (step.kind === "mount") return runMount(env, mounts, step.args);
  if (step.kind === "events") {
    const id = env.fileSystems.get(step.fileSystem);
    const command = `accesslab events --file-system ${id ?? step.fileSystem}`;
    if (!id) return usage(command, `unknown file system \`${step.fileSystem}\``);
    const events = env.efs.store.events.read<ConnectionEvent>(connectionStream(id));
    return { command, ok: true, output: events.map((e) => describeEvent(e.event)) };
  }
  if (step.kind === "policy") return runPolicy(env, step);
  const m = mounts.get(step.mount);
  const at = (path: string) => `/mnt/${step.mount}/${path.replace(/^\/+/, "")}`;
  const session = m?.session;
  switch (step.kind) {
    case "write": {
      const command = `printf ${printfFormat(step.data)} ${step.append ? ">>" : ">"} ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      const options = {
        append: step.append,
        ...(step.mode === undefined ? {} : { mode: step.mode }),
      };
      return fsOutcome(
        command,
        tree.writeFile(session, step.path, step.data, options),
        () => [],
        `bash: ${at(step.path)}`,
      );
    }
    case "read": {
      const command = `cat ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        tree.readFile(session, step.path),
        (data) => new TextDecoder().decode(data).replace(/\n$/, "").split("\n"),
        `cat: ${at(step.path)}`,
      );
    }
    case "mkdir": {
      const command = `mkdir -m ${step.mode.toString(8)} ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      // `mkdir -m` creates the directory, then sets the exact mode (the umask does not apply).
      const made = tree.mkdir(session, step.path, step.mode);
      const result = made.ok ? tree.chmod(session, step.path, step.mode) : made;
      return fsOutcome(
        command,
        result,
        () => [],
        `mkdir: cannot create directory '${at(step.path)}'`,
      );
    }
    case "rm": {
      const command = `rm ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      const found = tree.lstat(session, step.path);
      const removed =
        found.ok && found.value.type === "directory"
          ? tree.rmdir(session, step.path)
          : tree.unlink(session, step.path);
      return fsOutcome(command, removed, () => [], `rm: cannot remove '${at(step.path)}'`);
    }
    case "chmod": {
      const command = `chmod ${step.mode.toString(8)} ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        tree.chmod(session, step.path, step.mode),
        () => [],
        `chmod: changing permissions of '${at(step.path)}'`,
      );
    }
    case "chown": {
      const command = `chown ${step.uid ?? ""}${step.gid === undefined ? "" : `:${step.gid}`} ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        tree.chown(session, step.path, step.uid, step.gid),
        () => [],
        `chown: changing ownership of '${at(step.path)}'`,
      );
    }
    case "ls": {
      const command = `ls -la ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        formatListing(session, step.path),
        (lines) => lines,
        `ls: cannot access '${at(step.path)}'`,
      );
    }
    case "stat": {
      const command = `stat -c '%A %h %u %g %s %n' ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        tree.lstat(session, step.path),
        (s) => [formatStat(s, at(step.path))],
        `stat: cannot statx '${at(step.path)}'`,
      );
    }
    case "rename": {
      const command = `mv ${at(step.from)} ${at(step.to)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        tree.rename(session, step.from, step.to),
        () => [],
        `mv: cannot move '${at(step.from)}' to '${at(step.to)}'`,
      );
    }
    default: {
      const command = `ln -s ${quote(step.target)} ${at(step.path)}`;
      if (!session) return noMount(command, step.mount);
      return fsOutcome(
        command,
        tree.symlink(session, step.target, step.path),
        () => [],
        `ln: failed to create symbolic link '${at(step.path)}'`,
      );
    }
  }
}

function runMount(env: LabEnvironment, mounts: Map<string, Mount>, args: MountArgs): Outcome {
  const fileSystemId = env.fileSystems.get(args.fileSystem);
  const accessPointId =
    args.accessPoint === undefined ? undefined : env.accessPoints.get(args.accessPoint);
  const command = mountCommand(
    args,
    fileSystemId ?? args.fileSystem,
    accessPointId ?? args.accessPoint,
    env.efs.region,
  );
  if (!fileSystemId) return usage(command, `unknown file system \`${args.fileSystem}\``);
  if (args.accessPoint !== undefined && !accessPointId)
    return usage(command, `unknown access point \`${args.accessPoint}\``);
  const principal = args.principal === "anonymous" ? undefined : env.principals.get(args.principal);
  if (args.principal !== "anonymous" && !principal)
    return usage(command, `unknown principal \`${args.principal}\``);
  const result = mount(env.efs, {
    fileSystemId,
    ...(accessPointId ? { accessPointId } : {}),
    client: { uid: args.uid, gid: args.gid, groups: args.groups },
    ...(principal
      ? { caller: { principal: principal.arn, identityPolicies: principal.identityPolicies } }
      : {}),
    tls: args.tls,
    iam: args.iam,
    viaMountTarget: args.viaMountTarget,
    sourceIp: args.sourceIp,
  });
  if ("refusal" in result) {
    const { grants } = result.refusal;
    const why =
      result.refusal.code === "access-denied" && grants
        ? explainDecision(grants.ClientMount, { positions: false }).split("\n")
        : [];
    return {
      command,
      ok: false,
      refusal: result.refusal.code,
      output: [result.refusal.message, ...why.map((l) => `# ClientMount ${l.trim()}`)],
    };
  }
  mounts.set(args.id, result.mount);
  return { command, ok: true, output: describeMount(result.mount, args) };
}

function runPolicy(env: LabEnvironment, step: Extract<LabStep, { kind: "policy" }>): Outcome {
  const id = env.fileSystems.get(step.fileSystem);
  const command = step.document
    ? `aws efs put-file-system-policy --file-system-id ${id ?? step.fileSystem} --policy file://policy.json`
    : `aws efs delete-file-system-policy --file-system-id ${id ?? step.fileSystem}`;
  if (!id) return usage(command, `unknown file system \`${step.fileSystem}\``);
  try {
    if (!step.document) {
      deleteFileSystemPolicy(env.efs, id);
      return { command, ok: true, output: [] };
    }
    const { issues } = parsePolicyNode(step.document);
    if (issues[0])
      return { command, ok: false, refusal: "InvalidPolicyException", output: [issues[0].message] };
    putFileSystemPolicy(env.efs, id, JSON.stringify(jsonNodeToValue(step.document)));
    return { command, ok: true, output: [] };
  } catch (error) {
    if (error instanceof EfsError)
      return {
        command,
        ok: false,
        refusal: error.code,
        output: [`An error occurred (${error.code}): ${error.message}`],
      };
    throw error;
  }
}

function fsOutcome<T>(
  command: string,
  result: tree.FsResult<T>,
  show: (value: T) => string[],
  prefix: string,
): Outcome {
  if (result.ok) return { command, ok: true, output: show(result.value) };
  return {
    command,
    ok: false,
    errno: result.errno,
    output: [`${prefix}: ${describeErrno(result.errno)}`],
  };
}

function noMount(command: string, id: string): Outcome {
  return usage(command, `no mount \`${id}\` (mount it first, or it was refused)`);
}

function usage(command: string, message: string): Outcome {
  return { command, ok: false, refusal: "usage", output: [`accesslab: ${message}`] };
}

/** `data` as a single-quoted printf format that prints it exactly. */
function printfFormat(data: string): string {
  return quote(data.replace(/\\/g, "\\\\").replace(/%/g, "%%"));
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "'\\''").replace(/\n/g, "\\n")}'`;
}
