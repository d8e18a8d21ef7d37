/**
 * Starting the SMB servers of the file systems a state already holds, when
 * a composition (`serve`) opens it: each server finds its directories,
 * user and files where it left them, so what was written through SMB is
 * still there. No password is needed: the server kept its user.
 */
import type { ServiceContext } from "../context.js";
import { FSX_RECORD, type FsxFileSystem } from "./model.js";

/**
 * Starts every stored file system's SMB server; resolves when all tried.
 *
 * @example
 * await resumeSmbServers(env.services); // 2 (file systems found)
 */
export async function resumeSmbServers(ctx: ServiceContext): Promise<number> {
  const servers = ctx.smbServers;
  const all = ctx.store.records.list<FsxFileSystem>(FSX_RECORD);
  if (servers === undefined) return all.length;
  await Promise.all(
    all.map((fs) =>
      servers.start({
        fileSystemId: fs.fileSystemId,
        userName: fs.windows.selfManagedAd.userName,
        encryption: fs.smbEncryption,
      }),
    ),
  );
  return all.length;
}
