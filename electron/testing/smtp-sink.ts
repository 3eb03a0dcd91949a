/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives,
 * for tests of the outbox. Its answers can be scripted per message: accept, put off (4xx),
 * refuse (5xx), or drop the connection after the message was handed over. It can speak TLS
 * from the first byte (port 465 style) or offer STARTTLS, require a login, refuse every
 * connection at the greeting, listen on a port chosen beforehand (an account that already
 * names it), and hold its answer while a test does something at that exact moment.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  /** The bytes as handed over (empty when the sink was told not to keep them). */
  raw: Buffer;
  messageId: string;
  /** The user that logged in, when one did. */
  user: string | null;
}

export type Answer = 'accept' | 421 | 451 | 550 | 'drop';

export interface SmtpSinkOptions {
  /** Listen on this port; absent or 0: any free port. */
  port?: number;
  /** `implicit`: TLS from the first byte; `starttls`: plain, upgraded when the client asks. */
  tls?: { mode: 'implicit' | 'starttls'; key: string; cert: string };
  /** Require a login with this user and password (PLAIN or LOGIN). */
  auth?: { user: string; pass: string };
  /** Refuse every connection with this reply instead of the greeting. */
  refuseGreeting?: 421 | 554;
  /** False: keep only each message's envelope and Message-ID (benchmarks). */
  keepRaw?: boolean;
  /**
   * Runs once a message has arrived, before the server answers it; the answer waits for it.
   * The message is already counted in `received`: the server has it, whatever happens next.
   */
  beforeAnswer?: (message: Received, count: number) => void | Promise<void>;
}

export interface SmtpSink {
  port: number;
  received: Received[];
  /** Answers for the next messages, in order; after they run out, accept. */
  script: Answer[];
  /** Logins tried, with whether the password was right. */
  logins: { user: string; ok: boolean }[];
  /** Resolves once at least `count` messages have arrived. */
  waitForCount(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const script: Answer[] = [];
  const logins: SmtpSink['logins'] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const keepRaw = options.keepRaw !== false;

  const arrived = (message: Received) => {
    received.push(message);
    for (const waiter of [...waiters]) {
      if (received.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const disabledCommands = [
    ...(options.tls?.mode === 'starttls' ? [] : ['STARTTLS']),
    ...(options.auth ? [] : ['AUTH']),
  ];
  const serverOptions: SMTPServerOptions = {
    logger: false,
    // Connections a test left open are cut after half a second when the sink closes.
    closeTimeout: 500,
    disabledCommands,
    authOptional: !options.auth,
    ...(options.tls
      ? { key: options.tls.key, cert: options.tls.cert, secure: options.tls.mode === 'implicit' }
      : {}),
    ...(options.auth ? { authMethods: ['PLAIN', 'LOGIN'] } : {}),
    onConnect(_session, callback) {
      if (options.refuseGreeting) {
        callback(
          Object.assign(new Error('Too busy, come back later'), {
            responseCode: options.refuseGreeting,
          }),
        );
        return;
      }
      callback();
    },
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      const ok =
        expected !== undefined &&
        auth.username === expected.user &&
        auth.password === expected.pass;
      logins.push({ user: auth.username ?? '', ok });
      if (ok) callback(null, { user: auth.username });
      else
        callback(
          Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }),
        );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const answer = script.shift() ?? 'accept';
        const raw = Buffer.concat(chunks);
        if (answer === 'drop') {
          // The server has the message, but the client never hears so.
          arrived(entry(session, raw, keepRaw));
          (session as unknown as { socket?: { destroy(): void } }).socket?.destroy();
          for (const connection of (
            server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }
          ).connections) {
            connection._socket.destroy();
          }
          return;
        }
        if (answer !== 'accept') {
          const error = Object.assign(
            new Error(answer >= 500 ? 'Rejected for policy reasons' : 'Try again later'),
            {
              responseCode: answer,
            },
          );
          callback(error);
          return;
        }
        const message = entry(session, raw, keepRaw);
        arrived(message);
        const count = received.length;
        const answerNow = () => callback(null, `Queued as ${count}`);
        if (!options.beforeAnswer) return answerNow();
        Promise.resolve(options.beforeAnswer(message, count)).then(answerNow, answerNow);
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // A client that gives up mid-handshake (an untrusted certificate, a plain client on the TLS
  // port) is an error on the server's side; the test judges the client, so it is not thrown.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    script,
    logins,
    waitForCount(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function entry(
  session: {
    envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] };
    user?: unknown;
  },
  raw: Buffer,
  keepRaw: boolean,
): Received {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('utf8');
  const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
    raw: keepRaw ? raw : Buffer.alloc(0),
    messageId,
    user: typeof session.user === 'string' ? session.user : null,
  };
}
