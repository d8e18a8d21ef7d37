/**
 * What survives and what does not: state written through the server to a
 * SQLite store is there after a restart on the same file; an unexpected
 * (non-AWS) error inside a handler becomes a 500 `InternalFailure` that the
 * SDK surfaces, is logged with the request id and without secrets, and the
 * server keeps answering.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, GetRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/port.js";
import { startTestServer, trustPolicy } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "accesslab-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("serve: state", () => {
  it("keeps a role across a restart on the same SQLite file", async () => {
    const path = join(dir, "state.db");
    const first = await startTestServer({ store: openStore({ kind: "sqlite", path }) });
    await first.iam().send(
      new CreateRoleCommand({
        RoleName: "kept",
        AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
      }),
    );
    await first.close();
    const second = await startTestServer({ store: openStore({ kind: "sqlite", path }) });
    try {
      const got = await second.iam().send(new GetRoleCommand({ RoleName: "kept" }));
      expect(got.Role?.Arn).toBe("arn:aws:iam::000000000000:role/kept");
    } finally {
      await second.close();
    }
  });

  it("turns an unexpected error into InternalFailure, logs it and keeps serving", async () => {
    const inner = openStore({ kind: "memory" });
    const broken: Store = {
      ...inner,
      tree: (id) => inner.tree(id),
      dropTree: (id) => inner.dropTree(id),
      events: inner.events,
      transaction: (work) => inner.transaction(work),
      close: () => inner.close(),
      records: {
        get: (kind, id) => inner.records.get(kind, id),
        put: (kind, id, value) => inner.records.put(kind, id, value),
        delete: (kind, id) => inner.records.delete(kind, id),
        list: () => {
          throw new RangeError("disk on fire");
        },
      },
    };
    const server = await startTestServer({ store: broken });
    try {
      const error = await server
        .iam()
        .send(new ListRolesCommand({}))
        .then(
          () => undefined,
          (e: unknown) => e as { name: string; $metadata: { httpStatusCode?: number } },
        );
      expect(error?.name).toBe("InternalFailure");
      expect(error?.$metadata.httpStatusCode).toBe(500);
      expect(server.logged).toHaveLength(1);
      expect(server.logged[0]).toMatch(
        /internal failure in iam\.ListRoles \(request [0-9a-f-]{36}\): RangeError: disk on fire/,
      );
      expect(server.logged[0]).not.toContain("Signature=");
      const identity = await server.sts().send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe("000000000000");
    } finally {
      await server.close();
    }
  });
});
