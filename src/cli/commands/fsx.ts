/**
 * `accesslab fsx set-encryption FILE_SYSTEM_ID required|desired|off` and
 * `accesslab fsx get-encryption FILE_SYSTEM_ID`: accesslab's stand-in for
 * `Set-FSxSmbServerConfiguration -EncryptData … -RejectUnencryptedAccess …`
 * and `Get-FSxSmbServerConfiguration`, sent to a running `accesslab serve`
 * (`--endpoint`, 127.0.0.1:4566 by default) as the FSx operations
 * `AccesslabSetSmbServerConfiguration` / `AccesslabGetSmbServerConfiguration`,
 * signed with the credentials in the environment (the bootstrap `test`/`test`
 * without them). `required` = EncryptData and RejectUnencryptedAccess,
 * `desired` = EncryptData only, `off` = neither. The new setting applies to
 * new SMB connections at once. It prints the setting as JSON; an FSx error
 * is one line with exit code 2.
 */
import type { Command } from "commander";
import { CliError } from "../cli-error.js";
import { callJson } from "../json-call.js";
import { DEFAULT_ENDPOINT } from "./deploy.js";

interface FsxOptions {
  readonly endpoint?: string;
}

const MODES: Readonly<Record<string, { EncryptData: boolean; RejectUnencryptedAccess: boolean }>> =
  {
    required: { EncryptData: true, RejectUnencryptedAccess: true },
    desired: { EncryptData: true, RejectUnencryptedAccess: false },
    off: { EncryptData: false, RejectUnencryptedAccess: false },
  };

/**
 * Registers the `fsx` command group on `program`.
 *
 * @example
 * registerFsx(new Command()); // adds `fsx set-encryption` and `fsx get-encryption`
 */
export function registerFsx(program: Command): void {
  const fsx = program
    .command("fsx")
    .description("FSx for Windows settings on a running `accesslab serve`");
  fsx
    .command("set-encryption")
    .description("require, offer or stop SMB encryption in transit (Set-FSxSmbServerConfiguration)")
    .argument("<fileSystemId>", "the file system, e.g. fs-0123456789abcdef0")
    .argument("<mode>", "required, desired or off")
    .option("--endpoint <url>", `server to call (default ${DEFAULT_ENDPOINT})`)
    .action(async (id: string, mode: string, options: FsxOptions) => {
      const switches = Object.hasOwn(MODES, mode) ? MODES[mode] : undefined;
      if (switches === undefined) {
        throw new CliError(`invalid mode \`${mode}\`: expected required, desired or off`);
      }
      const answer = await callFsx(options.endpoint, "AccesslabSetSmbServerConfiguration", {
        FileSystemId: id,
        ...switches,
      });
      process.stdout.write(`${JSON.stringify(answer)}\n`);
    });
  fsx
    .command("get-encryption")
    .description("show the SMB encryption setting (Get-FSxSmbServerConfiguration)")
    .argument("<fileSystemId>", "the file system")
    .option("--endpoint <url>", `server to call (default ${DEFAULT_ENDPOINT})`)
    .action(async (id: string, options: FsxOptions) => {
      const answer = await callFsx(options.endpoint, "AccesslabGetSmbServerConfiguration", {
        FileSystemId: id,
      });
      process.stdout.write(`${JSON.stringify(answer)}\n`);
    });
}

/**
 * Calls one FSx operation on a running server and returns its parsed answer.
 *
 * @example
 * await callFsx("http://127.0.0.1:4566", "AccesslabGetSmbServerConfiguration", { FileSystemId: "fs-0123456789abcdef0" });
 */
export function callFsx(
  endpointOption: string | undefined,
  operation: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return callJson({
    endpoint: endpointOption ?? DEFAULT_ENDPOINT,
    service: "fsx",
    target: "AWSSimbaAPIService_v20180301",
    operation,
    input,
  });
}
