/**
 * A stable fingerprint for a finding, for SARIF `partialFingerprints`: a
 * code-scanning service matches results across runs by it, so it is built
 * from what identifies the problem (rule, file, resource) and not from the
 * line, which moves when the template is edited above it (the SARIF
 * renderer adds an ordinal for a second finding of one rule on one
 * resource). FNV-1a, 64 bits, in hex: pure, no crypto needed.
 */

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/**
 * The fingerprint of a finding's identity.
 *
 * @example
 * fingerprint(["efs-access-point-root-user", "t.yaml", "DataAccessPoint"]); // "5f1c…" (16 hex digits)
 */
export function fingerprint(parts: readonly string[]): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(parts.join("\u0000"))) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, "0");
}
