/**
 * `accesslab events`: the audit trail of a state directory, oldest first:
 * the API calls `accesslab serve` recorded and the EFS client connections,
 * merged by time. It opens `<state>/state.db` read-only, so it runs beside
 * a serving process; `--follow` then polls every 250 ms for new events
 * until SIGINT or SIGTERM. A state directory without a store is a one-line
 * error with exit code 2.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { AuditEvent } from "../../services/audit/event.js";
import { auditFeed } from "../../services/audit/feed.js";
import { type EventReader, openEventReader } from "../../store/sqlite/event-reader.js";
import { CliError } from "../cli-error.js";
import { EVENT_FORMATS, type EventFormat, formatEvent } from "./events-format.js";

/** How often `--follow` looks for new events. */
export const FOLLOW_INTERVAL_MS = 250;

interface EventsOptions {
  readonly state: string;
  readonly follow?: boolean;
  readonly format: string;
  readonly since?: string;
  readonly limit?: string;
}

const HELP = `
Examples:
  accesslab events                            every event in .accesslab, oldest first
  accesslab events --state ./lab --limit 20   the 20 most recent events of ./lab
  accesslab events --follow                   keep printing new events until Ctrl-C
  accesslab events --format json --since 2026-11-23T09:00:00Z | jq .errorCode
`;

/**
 * Registers the `events` command on `program`.
 *
 * @example
 * registerEvents(new Command()); // then `accesslab events --follow`
 */
export function registerEvents(program: Command): void {
  program
    .command("events")
    .description("list the audit trail: API calls with their decisions, and EFS connections")
    .option("--state <dir>", "directory of the SQLite state (as for serve)", ".accesslab")
    .option("-f, --follow", "keep printing new events until interrupted")
    .option("--format <format>", "text or json (one CloudTrail-style record per line)", "text")
    .option("--since <time>", "only events at or after this ISO 8601 time")
    .option("-n, --limit <n>", "only the most recent n events (before following)")
    .addHelpText("after", HELP)
    .action(async (options: EventsOptions) => {
      await events(options);
    });
}

/**
 * Prints the events; with `follow`, resolves only after SIGINT/SIGTERM.
 *
 * @example
 * await events({ state: ".accesslab", format: "json" });
 */
export async function events(options: EventsOptions): Promise<void> {
  const format = checkFormat(options.format);
  const since = options.since === undefined ? undefined : checkSince(options.since);
  const limit = options.limit === undefined ? undefined : checkLimit(options.limit);
  const reader = openState(options.state);
  // `accesslab events | head` closes the pipe early: stop quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    reader.close();
    process.exit(0);
  });
  try {
    const feed = auditFeed(reader);
    const keep = (e: AuditEvent) => since === undefined || Date.parse(e.eventTime) >= since;
    const print = (list: AuditEvent[]) => {
      if (list.length > 0)
        process.stdout.write(list.map((e) => `${formatEvent(e, format)}\n`).join(""));
    };
    const backlog = feed.poll().filter(keep);
    print(limit === undefined ? backlog : backlog.slice(Math.max(0, backlog.length - limit)));
    if (options.follow) await follow(() => print(feed.poll().filter(keep)));
  } finally {
    reader.close();
  }
}

function follow(tick: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      try {
        tick();
      } catch (error) {
        stop();
        reject(error);
      }
    }, FOLLOW_INTERVAL_MS);
    const stop = () => {
      clearInterval(timer);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

function openState(state: string): EventReader {
  const path = join(state, "state.db");
  if (!existsSync(path)) {
    throw new CliError(
      `no accesslab state in \`${state}\`: start \`accesslab serve --state ${state}\` first`,
    );
  }
  try {
    return openEventReader(path);
  } catch (error) {
    throw new CliError(`cannot read state \`${path}\`: ${(error as Error).message}`);
  }
}

function checkFormat(format: string): EventFormat {
  if ((EVENT_FORMATS as readonly string[]).includes(format)) return format as EventFormat;
  throw new CliError(`invalid --format \`${format}\`: expected text or json`);
}

function checkSince(since: string): number {
  const time = Date.parse(since);
  if (!/^\d{4}-\d{2}-\d{2}/.test(since) || Number.isNaN(time)) {
    throw new CliError(
      `invalid --since \`${since}\`: expected an ISO 8601 time such as 2026-11-23T09:00:00Z`,
    );
  }
  return time;
}

function checkLimit(limit: string): number {
  if (!/^\d+$/.test(limit) || Number(limit) < 1) {
    throw new CliError(`invalid --limit \`${limit}\`: expected a positive integer`);
  }
  return Number(limit);
}
