/** Unit tests of mount target address selection. */
import { describe, expect, it } from "vitest";
import { ipv4ToNumber, numberToIpv4, pickAddress, usableRange } from "./subnet-address.js";

describe("subnet addresses", () => {
  it("round-trips dotted IPv4 and refuses non-addresses", () => {
    expect(numberToIpv4(ipv4ToNumber("10.0.1.4") ?? 0)).toBe("10.0.1.4");
    expect(ipv4ToNumber("10.0.1.256")).toBeUndefined();
    expect(ipv4ToNumber("fe80::1")).toBeUndefined();
  });

  it("skips the five addresses AWS reserves", () => {
    const range = usableRange("10.0.1.0/24");
    expect(range && numberToIpv4(range.first)).toBe("10.0.1.4");
    expect(range && numberToIpv4(range.last)).toBe("10.0.1.254");
  });

  it("picks the lowest free address, or checks the requested one", () => {
    expect(pickAddress("10.0.1.0/24", ["10.0.1.4"], undefined)).toEqual({ ok: "10.0.1.5" });
    expect(pickAddress("10.0.1.0/24", [], "10.0.1.77")).toEqual({ ok: "10.0.1.77" });
    expect(pickAddress("10.0.1.0/24", ["10.0.1.77"], "10.0.1.77")).toEqual({ problem: "in-use" });
    expect(pickAddress("10.0.1.0/24", [], "10.0.1.1")).toEqual({ problem: "outside" });
    expect(pickAddress("10.0.1.0/28", [], "10.0.2.5")).toEqual({ problem: "outside" });
  });

  it("reports a full subnet", () => {
    const taken = Array.from({ length: 11 }, (_, i) => `10.0.1.${i + 4}`);
    expect(pickAddress("10.0.1.0/28", taken, undefined)).toEqual({ problem: "full" });
  });
});
