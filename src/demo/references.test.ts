import { describe, expect, it } from "vitest";
import { resolvePolicy } from "./references.js";

describe("resolvePolicy", () => {
  it("replaces demo names by ids and keeps IAM policy variables", () => {
    const ids = new Map([
      ["ep", "vpce-0123456789abcdef0"],
      ["fn", "arn:aws:iam::000000000000:role/fn"],
    ]);
    const text = resolvePolicy(
      {
        Principal: { AWS: "${fn}" },
        Resource: "arn:aws:s3:::b/${aws:username}/${*}",
        Condition: { StringNotEquals: { "aws:sourceVpce": ["${ep}"] } },
      },
      ids,
    );
    expect(JSON.parse(text)).toEqual({
      Principal: { AWS: "arn:aws:iam::000000000000:role/fn" },
      Resource: "arn:aws:s3:::b/${aws:username}/${*}",
      Condition: { StringNotEquals: { "aws:sourceVpce": ["vpce-0123456789abcdef0"] } },
    });
  });
});
