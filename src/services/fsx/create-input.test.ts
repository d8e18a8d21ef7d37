import { describe, expect, it } from "vitest";
import { readCreateRequest } from "./create-input.js";
import { encryptionFromTags, encryptionMode, readSetSmb } from "./smb-settings.js";

const ad = {
  DomainName: "corp.example.com",
  UserName: "Admin",
  Password: "pw-secret",
  DnsIps: ["10.0.0.10"],
};
const base = {
  FileSystemType: "WINDOWS",
  StorageCapacity: 32,
  SubnetIds: ["subnet-0123456789abcdef0"],
  WindowsConfiguration: { ThroughputCapacity: 8, SelfManagedActiveDirectoryConfiguration: ad },
};

function codeOf(input: Record<string, unknown>): string {
  try {
    readCreateRequest(input);
    return "accepted";
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
}

const withAd = (changes: Record<string, unknown>) => ({
  ...base,
  WindowsConfiguration: {
    ThroughputCapacity: 8,
    SelfManagedActiveDirectoryConfiguration: { ...ad, ...changes },
  },
});

describe("readCreateRequest", () => {
  it("reads a Windows request with FSx's defaults and keeps the password apart", () => {
    const request = readCreateRequest(base);
    expect(request).toMatchObject({
      storageType: "SSD",
      windows: {
        deploymentType: "SINGLE_AZ_1",
        automaticBackupRetentionDays: 7,
        selfManagedAd: { userName: "Admin", domainName: "corp.example.com" },
      },
      password: "pw-secret",
    });
    expect(JSON.stringify(request.windows)).not.toContain("pw-secret");
  });

  it("checks storage by type and throughput against FSx's values", () => {
    expect(codeOf({ ...base, StorageType: "HDD" })).toMatch(
      /^BadRequest: StorageCapacity 32 .* 2000/,
    );
    expect(codeOf({ ...base, StorageType: "HDD", StorageCapacity: 2000 })).toBe("accepted");
    expect(codeOf({ ...base, StorageCapacity: 65537 })).toMatch(/^BadRequest/);
    expect(
      codeOf({
        ...base,
        WindowsConfiguration: { ...base.WindowsConfiguration, ThroughputCapacity: 4608 },
      }),
    ).toBe("accepted");
    expect(
      codeOf({
        ...base,
        WindowsConfiguration: { ...base.WindowsConfiguration, ThroughputCapacity: 4096 },
      }),
    ).toMatch(/^BadRequest: ThroughputCapacity 4096/);
  });

  it("refuses user names Samba's files could not hold, and passwords with line breaks", () => {
    expect(codeOf(withAd({ UserName: "CORP\\Admin" }))).toMatch(/^BadRequest: UserName/);
    expect(codeOf(withAd({ UserName: "a=b" }))).toMatch(/^BadRequest/);
    expect(codeOf(withAd({ UserName: "admin\nroot = x" }))).toMatch(/^BadRequest/);
    expect(codeOf(withAd({ UserName: "File Admin" }))).toBe("accepted");
    const broken = codeOf(withAd({ Password: "a\nb" }));
    expect(broken).toBe("BadRequest: `Password` must not contain line breaks");
  });

  it("needs the self-managed directory, and refuses an AWS managed one", () => {
    expect(
      codeOf({
        ...base,
        WindowsConfiguration: { ThroughputCapacity: 8, ActiveDirectoryId: "d-1234567890" },
      }),
    ).toMatch(/^BadRequest: `ActiveDirectoryId`/);
    expect(codeOf({ ...base, WindowsConfiguration: { ThroughputCapacity: 8 } })).toMatch(
      /^BadRequest: `WindowsConfiguration.SelfManagedActiveDirectoryConfiguration` is required/,
    );
    expect(codeOf(withAd({ DnsIps: [] }))).toMatch(/DnsIps/);
  });
});

describe("the Set-FSxSmbServerConfiguration stand-in", () => {
  it("maps EncryptData and RejectUnencryptedAccess to the server's mode", () => {
    expect(encryptionMode(true, true)).toBe("required");
    expect(encryptionMode(true, false)).toBe("desired");
    expect(encryptionMode(false, false)).toBe("off");
    expect(readSetSmb({ FileSystemId: "fs-0123456789abcdef0", EncryptData: true }).mode).toBe(
      "desired",
    );
    expect(() =>
      readSetSmb({
        FileSystemId: "fs-0123456789abcdef0",
        EncryptData: false,
        RejectUnencryptedAccess: true,
      }),
    ).toThrow(/needs `EncryptData`/);
  });

  it("reads the creation tag, and refuses an unknown value", () => {
    expect(encryptionFromTags([])).toBe("off");
    expect(encryptionFromTags([{ Key: "accesslab:smb-encryption", Value: "required" }])).toBe(
      "required",
    );
    expect(() => encryptionFromTags([{ Key: "accesslab:smb-encryption", Value: "on" }])).toThrow(
      /must be one of required, desired, off/,
    );
  });
});
