/**
 * The SMB servers of a running accesslab (the `SmbServers` port FSx
 * uses): one supervised Samba `smbd` per Windows file system (see
 * `smbd-instance.ts`), each with its directories under the SMB root
 * (`<state>/fsx/` for a SQLite state, a temporary directory removed at
 * close for an in-memory one). Samba's programs are looked for once; when
 * they are missing the supervisor says so once through `log`, keeps every
 * file system's problem, and `address` answers it. `close` stops every
 * server and keeps their files.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join, resolve } from "node:path";
import type { SmbEncryption } from "../../services/fsx/model.js";
import type { SmbLocalAddress, SmbServerSpec, SmbServers } from "../../services/fsx/smb-port.js";
import { addSambaUser } from "./add-user.js";
import { findSambaBinaries, type SambaBinaries, sambaSearchPath } from "./samba-binaries.js";
import { SAMBA_DIRECTORIES, sambaPaths } from "./samba-paths.js";
import { SmbdInstance } from "./smbd-instance.js";

/** How the supervisor is set up. */
export interface SmbSupervisorOptions {
  /** The SMB root (relative to the working directory if not absolute); without it, a temporary directory removed at close. */
  readonly root?: string;
  /** Writes one line (missing Samba, crashes, restarts); stderr by default. */
  readonly log?: (line: string) => void;
  /** Directories to look for Samba's programs in (PATH's and the system ones by default). */
  readonly searchPath?: readonly string[];
}

/** The supervisor, with what tests and `serve` may inspect. */
export interface SmbSupervisor extends SmbServers {
  /** The SMB root (made on first use when temporary). */
  root(): string;
  /** The running instance of a file system, if any (its pid, port, restarts). */
  instance(fileSystemId: string): SmbdInstance | undefined;
  /** Looks for Samba now (saying once through `log` when it is missing); the problem, if any. */
  sambaProblem(): string | undefined;
  /** The directory the share `share` of a file system serves. */
  shareDirectory(fileSystemId: string): string;
}

/**
 * Creates the supervisor (it starts nothing until asked).
 *
 * @example
 * const smb = createSmbSupervisor({ root: ".accesslab/fsx" });
 * await smb.start({ fileSystemId, userName: "Admin", encryption: "off" }, password);
 */
export function createSmbSupervisor(options: SmbSupervisorOptions = {}): SmbSupervisor {
  const ephemeral = options.root === undefined;
  // smbd reads every path of its configuration from its own working directory: make them absolute
  let made: string | undefined = options.root === undefined ? undefined : resolve(options.root);
  /** The root, made on first use when temporary (most servers never run a file system). */
  const rootDir = (): string => {
    made ??= mkdtempSync(join(tmpdir(), "accesslab-smb-"));
    return made;
  };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const instances = new Map<string, SmbdInstance>();
  let closed = false;
  const problems = new Map<string, string>();
  let binaries: SambaBinaries | undefined;
  const localUser = userInfo().username;

  const programs = (): SambaBinaries => {
    if (binaries === undefined) {
      binaries = findSambaBinaries(options.searchPath ?? sambaSearchPath(process.env.PATH));
      if (!binaries.ok) log(`accesslab: ${binaries.problem}`);
    }
    return binaries;
  };

  const start = async (spec: SmbServerSpec, password?: string): Promise<void> => {
    const id = spec.fileSystemId;
    const found = programs();
    if (!found.ok) {
      problems.set(id, found.problem);
      return;
    }
    await instances.get(id)?.stop();
    if (closed) return; // a start finishing after close (a deployment in the background) starts nothing
    const paths = sambaPaths(rootDir(), id);
    for (const dir of SAMBA_DIRECTORIES) mkdirSync(paths[dir], { recursive: true, mode: 0o700 });
    const instance = new SmbdInstance({
      smbd: found.smbd,
      paths,
      localUser,
      userName: spec.userName,
      encryption: spec.encryption,
      log,
    });
    instances.set(id, instance);
    problems.delete(id);
    try {
      if (password !== undefined) {
        // The configuration must exist for smbpasswd to find the passdb.
        await instance.start();
        await addSambaUser(found.smbpasswd, paths.config, localUser, password);
      } else {
        await instance.start();
      }
      if (instance.problem) log(`accesslab: ${id}: ${instance.problem}`);
    } catch (error) {
      problems.set(id, (error as Error).message);
      log(`accesslab: ${id}: ${(error as Error).message}`);
    }
  };

  return {
    root: rootDir,
    start,
    instance: (id) => instances.get(id),
    sambaProblem: () => {
      const found = programs();
      return found.ok ? undefined : found.problem;
    },
    shareDirectory: (id) => sambaPaths(rootDir(), id).share,
    async setEncryption(id: string, encryption: SmbEncryption) {
      await instances.get(id)?.setEncryption(encryption);
    },
    async remove(id: string) {
      await instances.get(id)?.stop();
      instances.delete(id);
      problems.delete(id);
      rmSync(sambaPaths(rootDir(), id).root, { recursive: true, force: true });
    },
    address(id: string): SmbLocalAddress {
      const problem = problems.get(id);
      if (problem !== undefined) return { ok: false, problem };
      const instance = instances.get(id);
      if (instance === undefined) {
        return { ok: false, problem: `no SMB server was started for \`${id}\`` };
      }
      if (instance.problem !== undefined) return { ok: false, problem: instance.problem };
      return { ok: true, host: "127.0.0.1", port: instance.port };
    },
    async close() {
      closed = true;
      await Promise.all([...instances.values()].map((i) => i.stop()));
      instances.clear();
      if (ephemeral && made !== undefined) rmSync(made, { recursive: true, force: true });
      if (ephemeral) made = undefined;
    },
  };
}
