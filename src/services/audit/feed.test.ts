import { describe, expect, it } from "vitest";
import type { ConnectionEvent } from "../efs/events.js";
import { AUDIT_STREAM, type AuditEvent } from "./event.js";
import { auditFeed, type StreamReader } from "./feed.js";

function fakeReader() {
  const streams = new Map<string, unknown[]>();
  const reader: StreamReader = {
    streams: (prefix) => [...streams.keys()].filter((s) => s.startsWith(prefix)).sort(),
    read: <T>(stream: string, afterSeq = 0) =>
      (streams.get(stream) ?? [])
        .map((event, i) => ({ seq: i + 1, event: event as T }))
        .filter((row) => row.seq > afterSeq),
  };
  const append = (stream: string, event: unknown) =>
    streams.set(stream, [...(streams.get(stream) ?? []), event]);
  return { reader, append };
}

const call = (eventTime: string, eventName: string): AuditEvent => ({
  eventVersion: "1.09",
  eventTime,
  eventSource: "iam.amazonaws.com",
  eventName,
  eventID: eventName,
  eventType: "AwsApiCall",
  userIdentity: { type: "Root" },
});

const connection = (eventTime: string): ConnectionEvent => ({
  eventName: "NewClientConnection",
  eventTime,
  fileSystemId: "fs-1",
  sourceIpAddress: "10.0.0.1",
  userIdentity: { type: "Anonymous" },
  serviceEventDetails: {
    permissions: { ClientMount: true, ClientWrite: false, ClientRootAccess: false },
    tls: false,
    iam: false,
  },
});

describe("auditFeed", () => {
  it("merges API calls and EFS connections by time, then returns only what is new", () => {
    const { reader, append } = fakeReader();
    append(AUDIT_STREAM, call("2026-01-01T00:00:01.000Z", "CreateRole"));
    append("efs-connections/fs-1", connection("2026-01-01T00:00:00.500Z"));
    append(AUDIT_STREAM, call("2026-01-01T00:00:02.000Z", "GetRole"));
    const feed = auditFeed(reader);
    const first = feed.poll();
    expect(first.map((e) => e.eventName)).toEqual(["NewClientConnection", "CreateRole", "GetRole"]);
    expect(first[0]).toMatchObject({
      eventSource: "elasticfilesystem.amazonaws.com",
      eventID: "efs-connections/fs-1#1",
      userIdentity: { type: "Unknown", principalId: "anonymous" },
      serviceEventDetails: { fileSystemId: "fs-1", tls: false },
    });
    expect(feed.poll()).toEqual([]);
    append("efs-connections/fs-2", connection("2026-01-01T00:00:03.000Z"));
    append(AUDIT_STREAM, call("2026-01-01T00:00:04.000Z", "DeleteRole"));
    expect(feed.poll().map((e) => e.eventName)).toEqual(["NewClientConnection", "DeleteRole"]);
  });
});
