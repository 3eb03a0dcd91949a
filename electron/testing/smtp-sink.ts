/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives,
 * for tests of the outbox. Its answers can be scripted per message: accept, put off (4xx),
 * refuse (5xx), or drop the connection after the message was handed over.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  messageId: string;
}

export type Answer = 'accept' | 421 | 451 | 550 | 'drop';

export interface SmtpSink {
  port: number;
  received: Received[];
  /** Answers for the next messages, in order; after they run out, accept. */
  script: Answer[];
  close(): Promise<void>;
}

export async function startSmtpSink(options: Partial<SMTPServerOptions> = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const script: Answer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const answer = script.shift() ?? 'accept';
        const raw = Buffer.concat(chunks);
        if (answer === 'drop') {
          // The server has the message, but the client never hears so.
          received.push(entry(session, raw));
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
        received.push(entry(session, raw));
        callback(null, `Queued as ${received.length}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    script,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function entry(
  session: { envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] } },
  raw: Buffer,
): Received {
  const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('utf8'))?.[1] ?? '';
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
    raw,
    messageId,
  };
}
