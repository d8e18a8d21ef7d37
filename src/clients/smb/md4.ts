/**
 * MD4 (RFC 1320), which NTLM's password hash needs and which Node's
 * OpenSSL 3 build no longer offers (`createHash("md4")` fails outside the
 * legacy provider). Used for nothing but that hash.
 */

const S = [
  [3, 7, 11, 19],
  [3, 5, 9, 13],
  [3, 9, 11, 15],
] as const;
const ROUND2_ORDER = [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15];
const ROUND3_ORDER = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * The MD4 digest of `data`.
 *
 * @example
 * md4(Buffer.from("abc")).toString("hex"); // "a448017aaf21d8525fc10ae87aa6729d"
 */
export function md4(data: Uint8Array): Buffer {
  const bitLength = data.length * 8;
  const padded = Buffer.alloc((((data.length + 8) >> 6) + 1) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  padded.writeUInt32LE(bitLength >>> 0, padded.length - 8);
  padded.writeUInt32LE(Math.floor(bitLength / 2 ** 32), padded.length - 4);
  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  const x = new Array<number>(16);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) x[i] = padded.readUInt32LE(offset + i * 4);
    const [aa, bb, cc, dd] = [a, b, c, d];
    for (let i = 0; i < 16; i++) {
      const f = (b & c) | (~b & d);
      const t = rotl((a + f + (x[i] as number)) | 0, S[0][i % 4] as number);
      [a, b, c, d] = [d, t, b, c];
    }
    for (let i = 0; i < 16; i++) {
      const g = (b & c) | (b & d) | (c & d);
      const k = ROUND2_ORDER[i] as number;
      const t = rotl((a + g + (x[k] as number) + 0x5a827999) | 0, S[1][i % 4] as number);
      [a, b, c, d] = [d, t, b, c];
    }
    for (let i = 0; i < 16; i++) {
      const h = b ^ c ^ d;
      const k = ROUND3_ORDER[i] as number;
      const t = rotl((a + h + (x[k] as number) + 0x6ed9eba1) | 0, S[2][i % 4] as number);
      [a, b, c, d] = [d, t, b, c];
    }
    a = (a + aa) | 0;
    b = (b + bb) | 0;
    c = (c + cc) | 0;
    d = (d + dd) | 0;
  }
  const out = Buffer.alloc(16);
  out.writeInt32LE(a, 0);
  out.writeInt32LE(b, 4);
  out.writeInt32LE(c, 8);
  out.writeInt32LE(d, 12);
  return out;
}
