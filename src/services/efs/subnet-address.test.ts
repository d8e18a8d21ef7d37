/** Unit tests of mount target address selection. */
import { describe, expect, it } from "vitest";
import { formatIpv4 } from "../ec2/cidr.js";
import { pickAddress, usableRange } from "./subnet-address.js";

describe("subnet addresses", () => {
  it("has no usable range for a malformed block or one smaller than /28", () => {
    expect(usableRange("10.0.1.256/24")).toBeUndefined();
    expect(usableRange("10.0.1.0/29")).toBeUndefined();
    expect(usableRange("fe80::/64")).toBeUndefined();
  });

  it("skips the five addresses AWS reserves", () => {
    const range = usableRange("10.0.1.0/24");
    expect(range && formatIpv4(range.first)).toBe("10.0.1.4");
    expect(range && formatIpv4(range.last)).toBe("10.0.1.254");
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
