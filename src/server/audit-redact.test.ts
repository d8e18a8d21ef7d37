import { describe, expect, it } from "vitest";
import type { HttpRequest } from "../protocol/http-request.js";
import { redactSecrets } from "./audit-redact.js";

const request = (body: string): HttpRequest => ({
  method: "POST",
  path: "/",
  query: {},
  headers: {},
  body: new TextEncoder().encode(body),
});

describe("redactSecrets", () => {
  it("masks secret members of a JSON body at any depth", () => {
    const body = JSON.stringify({
      Name: "db",
      SecretString: "hunter22",
      Nested: { Password: "pa55word" },
    });
    expect(redactSecrets("bad `hunter22` and pa55word for `db`", request(body))).toBe(
      "bad `***` and *** for `db`",
    );
  });

  it("masks secret members of a query form", () => {
    expect(redactSecrets("value s3cr3t!", request("Action=X&Password=s3cr3t%21"))).toBe(
      "value ***",
    );
  });

  it("leaves messages alone without a body or with short values", () => {
    expect(redactSecrets("abc", undefined)).toBe("abc");
    expect(redactSecrets("x abc", request(JSON.stringify({ SecretString: "abc" })))).toBe("x abc");
  });
});
