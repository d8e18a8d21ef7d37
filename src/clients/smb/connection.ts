/**
 * One TCP connection to an SMB server: Direct TCP framing (a zero byte and
 * a 24-bit big-endian length before each message, MS-SMB2 2.1), message
 * ids and credits (a request charging N credits waits for them and uses N
 * message ids, so several may be in flight), and the matching of
 * responses to requests (an interim
 * STATUS_PENDING answer is skipped; the final one resolves). Once a
 * session is set up, its requests are sealed (SMB 3 encryption) or signed
 * as the session's protection says, and sealed responses are opened and
 * authenticated; a response that fails authentication ends the
 * connection, as does a signed answer whose signature does not verify.
 */
import { connect, type Socket } from "node:net";
import { CreditWindow, creditCharge } from "./credits.js";
import type { Dialect } from "./dialects.js";
import { FrameReader, MAX_FRAME } from "./frame-reader.js";
import {
  COMMAND,
  FLAGS,
  HEADER_SIZE,
  parseResponseHeader,
  type ResponseHeader,
  requestHeader,
} from "./header.js";
import { sign, verify } from "./signing.js";
import { NT_STATUS, SmbError } from "./status.js";
import { isTransformed, type Sealer } from "./transform.js";

/** How long a request waits for its answer by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CREDITS_ASKED = 64;

/**
 * How a session's requests are protected: sealed, or signed with the
 * dialect's signing key. The sealer, when the session has cipher keys,
 * also opens sealed answers of a session that signs (a server that
 * requires encryption answers a signing client sealed).
 */
export interface Protection {
  readonly sealRequests: boolean;
  readonly sealer: Sealer | undefined;
  readonly signing: { readonly dialect: Dialect; readonly key: Buffer };
}

/** A request to send. */
export interface SmbRequest {
  readonly command: number;
  readonly body: Buffer;
  readonly sessionId?: bigint;
  readonly treeId?: number;
  /** Bytes of data the request writes or asks to read, which its credit charge covers. */
  readonly payload?: number;
}

/** The answer, with the exact bytes sent and received (for the pre-authentication hash). */
export interface SmbExchange {
  readonly header: ResponseHeader;
  /** The whole response message (header and body), after opening a seal. */
  readonly message: Buffer;
  /** The whole request message as sent, before any seal. */
  readonly sent: Buffer;
  /** Whether the response arrived sealed. */
  readonly sealed: boolean;
}

interface Waiter {
  readonly resolve: (exchange: SmbExchange) => void;
  readonly reject: (error: Error) => void;
  readonly sent: Buffer;
  readonly timer: NodeJS.Timeout;
}

/** The connection. */
export class SmbConnection {
  private readonly socket: Socket;
  private nextMessageId = 0n;
  private readonly frames = new FrameReader();
  private readonly waiting = new Map<bigint, Waiter>();
  private readonly credits = new CreditWindow();
  private failure: Error | undefined;
  private protection: Protection | undefined;
  private protectedSessionId = 0n;

  private constructor(
    socket: Socket,
    private readonly timeoutMs: number,
  ) {
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () =>
      this.fail(new SmbError("ECONNRESET", "the SMB server closed the connection")),
    );
  }

  /**
   * Connects; rejects with the socket's own error (e.g. `ECONNREFUSED`).
   *
   * @example
   * const connection = await SmbConnection.open("fs.example.com", 445);
   */
  static open(
    host: string,
    port: number,
    timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  ): Promise<SmbConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new SmbError("ETIMEDOUT", `connect ETIMEDOUT ${host}:${port}`));
      }, timeoutMs);
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        socket.setNoDelay(true);
        resolve(new SmbConnection(socket, timeoutMs));
      });
    });
  }

  /** Protects every later request of `sessionId` as `protection` says. */
  protect(sessionId: bigint, protection: Protection): void {
    this.protection = protection;
    this.protectedSessionId = sessionId;
  }

  /** Whether requests are sealed. */
  get sealed(): boolean {
    return this.protection?.sealRequests === true;
  }

  /**
   * Sends a request and waits for its final answer.
   *
   * @example
   * const { header, message } = await connection.request({ command: COMMAND.NEGOTIATE, body });
   */
  async request(request: SmbRequest): Promise<SmbExchange> {
    if (this.failure) throw this.failure;
    const charge = request.command === COMMAND.NEGOTIATE ? 0 : creditCharge(request.payload ?? 0);
    await this.credits.acquire(Math.max(1, charge));
    const messageId = this.nextMessageId;
    this.nextMessageId += BigInt(Math.max(1, charge));
    const sessionId = request.sessionId ?? 0n;
    const header = requestHeader({
      command: request.command,
      messageId,
      sessionId,
      treeId: request.treeId ?? 0,
      creditRequest: CREDITS_ASKED,
      creditCharge: charge,
    });
    const sent = Buffer.concat([header, request.body]);
    const protectedSession = sessionId !== 0n && sessionId === this.protectedSessionId;
    let wire: Buffer = sent;
    const protection = protectedSession ? this.protection : undefined;
    if (protection?.sealRequests && protection.sealer) wire = protection.sealer.seal(sent);
    else if (protection) wire = sign(protection.signing.dialect, protection.signing.key, sent);
    if (wire.length > MAX_FRAME) throw new SmbError("SMB_PROTOCOL", "the request is too large");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(messageId);
        reject(new SmbError("ETIMEDOUT", "the SMB server did not answer in time"));
      }, this.timeoutMs);
      this.waiting.set(messageId, { resolve, reject, sent, timer });
      const length = Buffer.alloc(4);
      length.writeUInt32BE(wire.length);
      this.socket.write(length);
      this.socket.write(wire);
    });
  }

  /** Closes the connection. */
  close(): void {
    this.failure ??= new SmbError("ECONNRESET", "the SMB connection is closed");
    this.socket.end();
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.frames.push(chunk)) this.onFrame(frame);
  }

  private onFrame(frame: Buffer): void {
    let message = frame;
    const sealed = isTransformed(frame);
    if (sealed) {
      const opened = this.protection?.sealer?.open(frame);
      if (opened === undefined) {
        this.fail(new SmbError("SMB_PROTOCOL", "an encrypted answer did not authenticate"));
        this.socket.destroy();
        return;
      }
      message = opened;
    }
    for (let at = 0; at < message.length; ) {
      const header = parseResponseHeader(message.subarray(at));
      if (header === undefined) {
        this.fail(new SmbError("SMB_PROTOCOL", "the server sent something that is not SMB2"));
        this.socket.destroy();
        return;
      }
      const end = header.nextCommand > 0 ? at + header.nextCommand : message.length;
      this.deliver(header, message.subarray(at, end), sealed);
      if (header.nextCommand === 0) break;
      at = end;
    }
  }

  private deliver(header: ResponseHeader, message: Buffer, sealed: boolean): void {
    this.credits.grant(header.credits);
    const pending =
      header.status === NT_STATUS.STATUS_PENDING && (header.flags & FLAGS.ASYNC_COMMAND) !== 0;
    if (pending || message.length < HEADER_SIZE) return;
    if (!sealed && !this.signatureHolds(header, message)) {
      this.fail(
        new SmbError("SMB_PROTOCOL", "a signed answer does not carry the session's signature"),
      );
      this.socket.destroy();
      return;
    }
    const waiter = this.waiting.get(header.messageId);
    if (waiter === undefined) return;
    this.waiting.delete(header.messageId);
    clearTimeout(waiter.timer);
    waiter.resolve({ header, message, sent: waiter.sent, sealed });
  }

  /** A signed answer of the protected session must verify with its key (sealed ones are authenticated already). */
  private signatureHolds(header: ResponseHeader, message: Buffer): boolean {
    const protection = this.protection;
    if (protection === undefined || header.sessionId !== this.protectedSessionId) return true;
    if ((header.flags & FLAGS.SIGNED) === 0) return true;
    return verify(protection.signing.dialect, protection.signing.key, message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.credits.fail(this.failure);
    for (const waiter of this.waiting.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(this.failure);
    }
    this.waiting.clear();
  }
}
