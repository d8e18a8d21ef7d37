/**
 * An SMB 2/3 client for Node.js that encrypts: connect to a server, sign
 * in with NTLMv2, and open shares. By default it offers SMB 2.0.2 through
 * 3.1.1 and encrypts whenever the dialect the server picks can (AES-128-GCM
 * or AES-128-CCM), as Windows and Samba clients do against a server that
 * requires encryption; `encryption: "required"` offers SMB 3 only and
 * refuses to go on without encryption (like `smbclient
 * --client-protection=encrypt`); `encryption: "off"` never encrypts and
 * signs instead, and lets the server decide (the behaviour of SMB 2-only
 * libraries, which a server that requires encryption turns away). Written because no maintained
 * Node.js SMB library speaks SMB 3 encryption; it depends on nothing but
 * `node:net` and `node:crypto`.
 */
import { createHash, randomBytes } from "node:crypto";
import { type Protection, SmbConnection } from "./connection.js";
import { ALL_DIALECTS, canEncrypt, type Dialect } from "./dialects.js";
import { COMMAND } from "./header.js";
import { type NegotiateAnswer, negotiateRequest, parseNegotiateResponse } from "./negotiate.js";
import { type Session, sessionSetup } from "./session-setup.js";
import { SmbShare } from "./share.js";
import { verify } from "./signing.js";
import { NT_STATUS, SmbError, statusError } from "./status.js";
import { createSealer } from "./transform.js";
import { shareRequiresEncryption, treeConnectRequest } from "./tree-connect.js";

/** The TCP port of SMB. */
export const SMB_PORT = 445;

/** The largest READ or WRITE this client sends with large MTU (16 credits). */
const LARGE_IO = 1 << 20;
/** The largest without it. */
const SMALL_IO = 65536;

/** When the client encrypts. */
export type EncryptionPolicy = "required" | "desired" | "off";

/** How to connect. */
export interface SmbConnectOptions {
  /** The server's DNS name or address. */
  readonly host: string;
  /** 445 by default. */
  readonly port?: number;
  readonly username: string;
  readonly password: string;
  /** The user's domain; the server's own by default. */
  readonly domain?: string;
  /** `desired` by default. */
  readonly encryption?: EncryptionPolicy;
  /** The dialects to offer, e.g. `["2.0.2", "2.1"]` for an SMB 2-only client; all by default. */
  readonly dialects?: readonly Dialect[];
  /** How long to wait for the connection and for each answer (30 s by default). */
  readonly timeoutMs?: number;
}

/** A signed-in connection. */
export class SmbClient {
  private readonly trees = new Map<string, SmbShare>();

  private constructor(
    private readonly connection: SmbConnection,
    private readonly host: string,
    private readonly session: Session,
    private readonly negotiated: NegotiateAnswer,
    private readonly policy: EncryptionPolicy,
  ) {}

  /**
   * Connects and signs in.
   *
   * @example
   * const client = await SmbClient.connect({ host: "fs.corp.example.com", username: "svc", password });
   * const share = await client.share("share");
   * await share.writeFile("hello.txt", "hi");
   * client.close();
   */
  static async connect(options: SmbConnectOptions): Promise<SmbClient> {
    const policy = options.encryption ?? "desired";
    const offered = (options.dialects ?? ALL_DIALECTS).filter(
      (d) => policy !== "required" || canEncrypt(d),
    );
    if (offered.length === 0)
      throw new SmbError(
        "SMB_CONFIGURATION",
        "encryption is required but no SMB 3 dialect is offered",
      );
    const connection = await SmbConnection.open(
      options.host,
      options.port ?? SMB_PORT,
      options.timeoutMs,
    );
    try {
      return await SmbClient.signIn(connection, options, policy, offered);
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  private static async signIn(
    connection: SmbConnection,
    options: SmbConnectOptions,
    policy: EncryptionPolicy,
    offered: readonly Dialect[],
  ): Promise<SmbClient> {
    const exchange = await connection
      .request({
        command: COMMAND.NEGOTIATE,
        body: negotiateRequest({
          dialects: offered,
          clientGuid: randomBytes(16),
          salt: randomBytes(32),
        }),
      })
      .catch((error: unknown) => {
        throw refusedDialects(offered, error);
      });
    if (exchange.header.status !== NT_STATUS.STATUS_SUCCESS)
      throw refusedDialects(offered, exchange.header.status);
    const negotiated = parseNegotiateResponse(exchange.message);
    const connectionHash = createHash("sha512")
      .update(createHash("sha512").update(Buffer.alloc(64)).update(exchange.sent).digest())
      .update(exchange.message)
      .digest();
    const encrypt = policy !== "off" && negotiated.cipher !== undefined;
    if (policy === "required" && !encrypt)
      throw new SmbError(
        "SMB_ENCRYPTION_UNAVAILABLE",
        `the server does not offer SMB 3 encryption (dialect ${negotiated.dialect})`,
      );
    const session = await sessionSetup(connection, negotiated.dialect, connectionHash, options);
    if (
      negotiated.dialect === "3.1.1" &&
      !verify("3.1.1", session.keys.signing, session.finalResponse)
    )
      throw new SmbError(
        "SMB_PROTOCOL",
        "the server's final session setup answer is not signed with the session's key",
      );
    if (session.encryptionRequired && !encrypt && policy !== "off")
      throw new SmbError(
        "STATUS_ACCESS_DENIED",
        `the server requires encryption, which this client does not use (dialect ${negotiated.dialect})`,
        NT_STATUS.STATUS_ACCESS_DENIED,
      );
    const protection: Protection = {
      sealRequests: encrypt,
      sealer:
        negotiated.cipher === undefined
          ? undefined
          : createSealer(
              negotiated.cipher,
              session.keys.encryption,
              session.keys.decryption,
              session.sessionId,
            ),
      signing: { dialect: negotiated.dialect, key: session.keys.signing },
    };
    connection.protect(session.sessionId, protection);
    return new SmbClient(connection, options.host, session, negotiated, policy);
  }

  /** The dialect the server picked, e.g. `3.1.1`. */
  get dialect(): Dialect {
    return this.negotiated.dialect;
  }

  /** Whether this connection's messages are encrypted. */
  get encrypted(): boolean {
    return this.connection.sealed;
  }

  /**
   * Connects to a share (once; later calls answer the same share).
   *
   * @example
   * const share = await client.share("share");
   */
  async share(name: string): Promise<SmbShare> {
    const known = this.trees.get(name);
    if (known) return known;
    const answer = await this.connection.request({
      command: COMMAND.TREE_CONNECT,
      body: treeConnectRequest(this.host, name),
      sessionId: this.session.sessionId,
    });
    if (answer.header.status !== NT_STATUS.STATUS_SUCCESS)
      throw statusError(answer.header.status, `connect to share \`${name}\``);
    if (shareRequiresEncryption(answer.message) && !this.encrypted && this.policy !== "off")
      throw new SmbError(
        "STATUS_ACCESS_DENIED",
        `connect to share \`${name}\`: the share requires encryption`,
        NT_STATUS.STATUS_ACCESS_DENIED,
      );
    const treeId = answer.header.treeId;
    const share = new SmbShare(
      name,
      (request) =>
        this.connection.request({ ...request, sessionId: this.session.sessionId, treeId }),
      ioLimits(this.negotiated),
    );
    this.trees.set(name, share);
    return share;
  }

  /** Closes the connection (the server ends the session and its open files). */
  close(): void {
    this.connection.close();
  }
}

/** How large one READ or WRITE may be: the server's limit, at most 1 MiB, 64 KiB without large MTU. */
function ioLimits(negotiated: NegotiateAnswer): { maxRead: number; maxWrite: number } {
  const cap = negotiated.largeMtu ? LARGE_IO : SMALL_IO;
  return {
    maxRead: Math.min(cap, negotiated.maxReadSize),
    maxWrite: Math.min(cap, negotiated.maxWriteSize),
  };
}

/** The error when the server accepts none of the offered dialects. */
function refusedDialects(offered: readonly Dialect[], cause: unknown): SmbError {
  const how =
    typeof cause === "number"
      ? `it answered ${statusError(cause, "negotiate").code}`
      : `it ended the connection (${cause instanceof Error ? cause.message : String(cause)})`;
  return new SmbError(
    "SMB_DIALECT_REFUSED",
    `the server accepts none of the dialects offered (SMB ${offered.join(", ")}): ${how}; a server that requires encryption accepts SMB 3 clients only`,
  );
}
