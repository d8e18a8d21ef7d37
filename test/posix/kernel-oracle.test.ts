/**
 * The kernel as oracle: random operation sequences (fast-check) with
 * random identities from a small pool, run against the EFS data plane on a
 * memory tree and against a real temporary directory through one worker
 * process per identity (groups, gid, uid set before acting). Every step
 * must return the same outcome (errno, or the same data for reads, listings
 * and stats) and, after each sequence, every path must have the same type,
 * mode, owner, group, link count, size, target and contents. Runs only as
 * root on Linux; elsewhere it skips and says why. `ORACLE_RUNS`,
 * `ORACLE_STEPS` and `ORACLE_SEED` change the size or replay a seed.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KernelProtections } from "../../src/engines/posix/index.js";
import {
  enginePaths,
  engineSession,
  engineSnapshot,
  engineTree,
  runOnEngine,
  type SnapshotEntry,
} from "./oracle-engine.js";
import { hostProtections, kernelSnapshot, resetKernelRoot, WorkerPool } from "./oracle-kernel.js";
import {
  concretize,
  IDENTITIES,
  type OracleOutcome,
  type OracleSequence,
  sequenceArb,
} from "./oracle-ops.js";

const RUNS = Number(process.env.ORACLE_RUNS ?? 400);
const STEPS = Number(process.env.ORACLE_STEPS ?? 50);
const SEED = process.env.ORACLE_SEED === undefined ? undefined : Number(process.env.ORACLE_SEED);

const skipReason =
  process.platform !== "linux"
    ? `kernel oracle skipped: needs Linux, this is ${process.platform}`
    : process.getuid?.() !== 0
      ? `kernel oracle skipped: needs root to set uid/gid of worker processes (uid ${process.getuid?.()})`
      : undefined;

/** Engine errno names are Node's error codes already; kept as a function to say so. */
function nodeCode(outcome: OracleOutcome): OracleOutcome {
  return outcome;
}

function snapshotDiff(
  engine: Record<string, SnapshotEntry>,
  kernel: Record<string, SnapshotEntry>,
): string[] {
  const paths = new Set([...Object.keys(engine), ...Object.keys(kernel)]);
  const lines: string[] = [];
  for (const path of [...paths].sort()) {
    const a = JSON.stringify(engine[path] ?? null);
    const b = JSON.stringify(kernel[path] ?? null);
    if (a !== b) lines.push(`  ${path}: engine ${a} kernel ${b}`);
  }
  return lines;
}

interface Tally {
  ok: number;
  errors: Map<string, number>;
}

describe("kernel oracle", () => {
  if (skipReason) {
    console.log(skipReason);
    it.skip(`agrees with the Linux kernel (${skipReason})`, () => {});
    return;
  }

  let base = "";
  let root = "";
  let pool: WorkerPool;
  let protections: KernelProtections;

  beforeAll(() => {
    base = fs.mkdtempSync(join(tmpdir(), "accesslab-oracle-"));
    root = join(base, "root");
    fs.mkdirSync(root);
    pool = new WorkerPool(root, IDENTITIES);
    protections = hostProtections();
  });

  afterAll(() => {
    pool?.close();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  /** Replays `sequence` on both sides; returns the first disagreement, or undefined. */
  async function replay(
    sequence: OracleSequence,
    onStep?: (op: string, kernel: OracleOutcome) => void,
    transcript?: string[],
  ): Promise<string | undefined> {
    const owner = IDENTITIES[sequence.rootOwner] ?? { uid: 0, gid: 0 };
    resetKernelRoot(root, sequence.rootMode, owner.uid, owner.gid);
    const tree = engineTree(sequence);
    let now = 1_700_000_000_000;
    const clock = () => (now += 1000);
    for (const [index, step] of sequence.steps.entries()) {
      const session = engineSession(tree, step.who, sequence.umask, protections, clock);
      const action = concretize(step.action, enginePaths(tree));
      const mine = nodeCode(runOnEngine(session, action));
      const theirs = await pool.call(step.who, sequence.umask, action);
      onStep?.(action.op, theirs);
      const same = JSON.stringify(mine) === JSON.stringify(theirs);
      const who = IDENTITIES[step.who];
      const line = `${index}. as ${who?.uid}:${who?.gid}[${who?.groups.join(",")}] ${JSON.stringify(action)} -> kernel ${JSON.stringify(theirs)}`;
      transcript?.push(same ? line : `${line} BUT engine ${JSON.stringify(mine)}`);
      if (!same) return `step ${index} differs`;
    }
    const diff = snapshotDiff(engineSnapshot(tree), kernelSnapshot(root));
    if (diff.length > 0) {
      transcript?.push(`trees differ after the sequence:`, ...diff);
      return "trees differ after the sequence";
    }
    return undefined;
  }

  /** Removes steps while the sequence still disagrees. */
  async function minimize(sequence: OracleSequence): Promise<OracleSequence> {
    let current = sequence;
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = current.steps.length - 1; i >= 0; i--) {
        const shorter = { ...current, steps: current.steps.filter((_, j) => j !== i) };
        if (await replay(shorter)) {
          current = shorter;
          changed = true;
        }
      }
    }
    return current;
  }

  it("agrees with the Linux kernel on every step and every resulting path", async () => {
    const tally = new Map<string, Tally>();
    let steps = 0;
    let sequences = 0;
    const started = Date.now();
    const count = (op: string, kernel: OracleOutcome): void => {
      steps++;
      const entry = tally.get(op) ?? { ok: 0, errors: new Map() };
      if (kernel.ok) entry.ok++;
      else entry.errors.set(kernel.errno, (entry.errors.get(kernel.errno) ?? 0) + 1);
      tally.set(op, entry);
    };

    const details = await fc.check(
      fc.asyncProperty(sequenceArb(STEPS), async (sequence) => {
        sequences++;
        const failure = await replay(sequence, count);
        if (failure) throw new Error(failure);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    if (details.failed && details.counterexample) {
      const minimal = await minimize(details.counterexample[0]);
      const transcript: string[] = [];
      await replay(minimal, undefined, transcript);
      const { rootMode, rootOwner, umask } = minimal;
      throw new Error(
        `the engine disagrees with the kernel (seed ${details.seed}, protections ${JSON.stringify(protections)}); ` +
          `minimal sequence: root mode ${rootMode.toString(8)} owner ${JSON.stringify(IDENTITIES[rootOwner])} umask ${umask.toString(8)}\n` +
          transcript.join("\n"),
      );
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [...tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([op, { ok, errors }]) => {
        const errs = [...errors.entries()]
          .sort(([, a], [, b]) => b - a)
          .map(([errno, n]) => `${errno} ${n}`)
          .join(", ");
        return `  ${op.padEnd(9)} ok ${String(ok).padStart(5)}${errs ? `  ${errs}` : ""}`;
      });
    console.log(
      `kernel oracle: ${steps} operations in ${sequences} sequences, ${seconds} s, ` +
        `protections ${JSON.stringify(protections)}\n${lines.join("\n")}`,
    );
    expect(steps).toBeGreaterThanOrEqual(RUNS * STEPS);
  }, 300_000);
});
