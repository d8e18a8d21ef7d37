import { describe, expect, it } from "vitest";
import { type DeployEvent, eventLine, failureSummary, finalStatus } from "./deploy-events.js";

const STACK = "AWS::CloudFormation::Stack";
const at = new Date("2026-11-23T22:30:01Z");
const ev = (logicalId: string, type: string, status: string, reason?: string): DeployEvent => ({
  eventId: `${logicalId}-${status}`,
  timestamp: at,
  logicalId,
  type,
  status,
  ...(reason === undefined ? {} : { reason }),
});

describe("deploy progress", () => {
  it("prints one line per event with its reason", () => {
    expect(eventLine(ev("Fn", "AWS::Lambda::Function", "CREATE_FAILED", "nope"))).toBe(
      `22:30:01  CREATE_FAILED          ${"AWS::Lambda::Function".padEnd(34)} Fn  nope`,
    );
  });

  it("finds the stack's final status only once the stack reached one", () => {
    const started = [ev("app", STACK, "CREATE_IN_PROGRESS")];
    expect(finalStatus(started, "app")).toBeUndefined();
    const rolling = [...started, ev("app", STACK, "ROLLBACK_IN_PROGRESS")];
    expect(finalStatus(rolling, "app")).toBeUndefined();
    expect(finalStatus([...rolling, ev("app", STACK, "ROLLBACK_COMPLETE")], "app")).toBe(
      "ROLLBACK_COMPLETE",
    );
    // A resource named like the stack is not the stack.
    expect(finalStatus([ev("app", "AWS::IAM::Role", "CREATE_COMPLETE")], "app")).toBeUndefined();
  });

  it("names the first failed resource and its reason", () => {
    const events = [
      ev(
        "Fn",
        "AWS::Lambda::Function",
        "CREATE_FAILED",
        "The role defined for the function cannot be assumed by Lambda.",
      ),
      ev("app", STACK, "ROLLBACK_COMPLETE"),
    ];
    expect(failureSummary(events, "app")).toBe(
      "stack `app` rolled back: `Fn` (AWS::Lambda::Function) failed: The role defined for the function cannot be assumed by Lambda.",
    );
    expect(failureSummary([], "app")).toBe("stack `app` rolled back");
  });

  it("gives the stack's own reason when no resource failed (an unknown import)", () => {
    const reason = "No export named shared-vpc found. Rollback requested by user.";
    const events = [
      ev("app", STACK, "ROLLBACK_IN_PROGRESS", reason),
      ev("app", STACK, "ROLLBACK_COMPLETE"),
    ];
    expect(failureSummary(events, "app")).toBe(`stack \`app\` rolled back: ${reason}`);
  });
});
