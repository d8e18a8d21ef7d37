/** Building the request value: raw path kept, query decoded, headers lower-cased. */
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { fromIncomingMessage, parseQueryString } from "./http-request.js";

describe("http-request", () => {
  it("decodes query strings without turning + into a space", () => {
    expect(parseQueryString("a=1&b=x%20y&a=2&c&d=1+1&e=%zz")).toEqual({
      a: ["1", "2"],
      b: "x y",
      c: "",
      d: "1+1",
      e: "%zz",
    });
  });

  it("builds the value from an IncomingMessage", () => {
    const message = new IncomingMessage(new Socket());
    message.method = "get";
    message.url = "/2015-03-31/functions/arn%3Aaws%3Alambda/configuration?Qualifier=%24LATEST";
    message.headers = { host: "127.0.0.1:4566", "x-multi": ["a", "b"] as unknown as string };
    const body = new Uint8Array([1, 2]);
    expect(fromIncomingMessage(message, body)).toEqual({
      method: "GET",
      path: "/2015-03-31/functions/arn%3Aaws%3Alambda/configuration",
      query: { Qualifier: "$LATEST" },
      headers: { host: "127.0.0.1:4566", "x-multi": "a,b" },
      body,
    });
  });
});
