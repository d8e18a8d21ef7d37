import { describe, expect, it } from "vitest";
import { authenticateMessage, negotiateMessage, parseChallenge } from "./ntlm.js";

/** The NTLMv2 example of MS-NLMP section 4.2.4, as a CHALLENGE message. */
function exampleChallenge(): Buffer {
  const info = Buffer.concat([
    Buffer.from("02000c00", "hex"),
    Buffer.from("Domain", "utf16le"),
    Buffer.from("01000c00", "hex"),
    Buffer.from("Server", "utf16le"),
    Buffer.from("00000000", "hex"),
  ]);
  const header = Buffer.alloc(56);
  Buffer.from("NTLMSSP\0", "latin1").copy(header);
  header.writeUInt32LE(2, 8);
  header.writeUInt32LE(0xe28a8233, 20);
  Buffer.from("0123456789abcdef", "hex").copy(header, 24);
  header.writeUInt16LE(info.length, 40);
  header.writeUInt16LE(info.length, 42);
  header.writeUInt32LE(header.length, 44);
  return Buffer.concat([header, info]);
}

describe("NTLMSSP", () => {
  it("starts with a NEGOTIATE message", () => {
    const message = negotiateMessage();
    expect(message.subarray(0, 8).toString("latin1")).toBe("NTLMSSP\0");
    expect(message.readUInt32LE(8)).toBe(1);
  });

  it("reads the challenge, the server's domain and no timestamp", () => {
    const challenge = parseChallenge(exampleChallenge());
    expect(challenge.serverChallenge.toString("hex")).toBe("0123456789abcdef");
    expect(challenge.domain).toBe("Domain");
    expect(challenge.timestamp).toBeUndefined();
  });

  it("answers with MS-NLMP's NTLMv2 proof and session base key", () => {
    const challenge = parseChallenge(exampleChallenge());
    const { message, sessionKey } = authenticateMessage(
      challenge,
      { username: "User", password: "Password", domain: "Domain" },
      { clientChallenge: Buffer.alloc(8, 0xaa), now: new Date(Date.UTC(1601, 0, 1)) },
    );
    const ntLength = message.readUInt16LE(20);
    const ntOffset = message.readUInt32LE(24);
    const proof = message.subarray(ntOffset, ntOffset + 16).toString("hex");
    expect(ntLength).toBeGreaterThan(16);
    expect(proof).toBe("68cd0ab851e51c96aabc927bebef6a1c");
    expect(sessionKey.toString("hex")).toBe("8de40ccadbc14a82f15cb0ad0de95ca3");
  });

  it("refuses what is not a CHALLENGE", () => {
    expect(() => parseChallenge(Buffer.alloc(60))).toThrow("not an NTLMSSP message");
    const negotiate = Buffer.concat([negotiateMessage(), Buffer.alloc(32)]);
    expect(() => parseChallenge(negotiate)).toThrow("not a CHALLENGE");
  });
});
