import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PASSWORD_PUNCTUATION, randomPassword } from "./random-password.js";

const random = (n: number) => new Uint8Array(randomBytes(n));

function password(spec: Parameters<typeof randomPassword>[0]): string {
  const result = randomPassword(spec, random);
  if (!result.ok) throw new Error(result.message);
  return result.password;
}

describe("randomPassword", () => {
  it("makes 32 characters of every type by default, without spaces", () => {
    for (let i = 0; i < 50; i++) {
      const value = password({});
      expect(value).toHaveLength(32);
      expect(value).toMatch(/[A-Z]/);
      expect(value).toMatch(/[a-z]/);
      expect(value).toMatch(/[0-9]/);
      expect([...value].some((c) => PASSWORD_PUNCTUATION.includes(c))).toBe(true);
      expect(value).not.toContain(" ");
    }
  });

  it("leaves out excluded characters and classes", () => {
    for (let i = 0; i < 50; i++) {
      const value = password({
        passwordLength: 24,
        excludeCharacters: '"@/\\abc',
        excludeUppercase: true,
      });
      expect(value).toHaveLength(24);
      expect(value).not.toMatch(/["@/\\abcA-Z]/);
    }
    expect(password({ passwordLength: 40, excludePunctuation: true })).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(
      password({
        passwordLength: 3,
        includeSpace: true,
        excludeLowercase: true,
        excludeUppercase: true,
        excludeNumbers: true,
        excludePunctuation: true,
      }),
    ).toBe("   ");
  });

  it("draws without bias from what the bytes give", () => {
    const bytes = [255, 0, 1, 2]; // 255 is past the last full cycle of 62 characters: redrawn
    const fixed = (n: number) => new Uint8Array(bytes.splice(0, n));
    const result = randomPassword(
      { passwordLength: 3, excludePunctuation: true, requireEachIncludedType: false },
      fixed,
    );
    expect(result).toEqual({ ok: true, password: "ABC" });
  });

  it("says why it cannot make one", () => {
    expect(randomPassword({ passwordLength: 0 }, random)).toMatchObject({ ok: false });
    expect(
      randomPassword(
        {
          excludeLowercase: true,
          excludeUppercase: true,
          excludeNumbers: true,
          excludePunctuation: true,
        },
        random,
      ),
    ).toEqual({ ok: false, message: "the password settings leave no character to choose from" });
    expect(randomPassword({ passwordLength: 3 }, random)).toMatchObject({
      ok: false,
      message: "PasswordLength 3 is too short to include each of 4 character types",
    });
  });
});
