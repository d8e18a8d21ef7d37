/**
 * Unit tests of what a call through a VPC endpoint adds to an access ask:
 * the endpoint policy and the `aws:SourceVpce`/`aws:SourceVpc` keys,
 * keeping the ask's own context; nothing for a call from outside a VPC.
 */
import { describe, expect, it } from "vitest";
import type { AccessAsk } from "./handlers/handler.js";
import { throughEndpoint } from "./network-origin.js";

const ask: AccessAsk = {
  action: "secretsmanager:GetSecretValue",
  resource: "*",
  context: { "secretsmanager:VersionStage": "AWSCURRENT" },
};
const origin = {
  vpcEndpointId: "vpce-1",
  vpcId: "vpc-1",
  endpointPolicy: { name: "VPC endpoint policy", document: { statements: [] } },
};

describe("throughEndpoint", () => {
  it("adds the endpoint's keys and policy", () => {
    const merged = throughEndpoint(ask, origin);
    expect(merged.endpointPolicy).toBe(origin.endpointPolicy);
    expect(merged.context).toEqual({
      "secretsmanager:VersionStage": "AWSCURRENT",
      "aws:SourceVpce": "vpce-1",
      "aws:SourceVpc": "vpc-1",
    });
  });

  it("leaves a call from outside any VPC alone", () => {
    expect(throughEndpoint(ask, undefined)).toBe(ask);
  });
});
