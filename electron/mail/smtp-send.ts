/**
 * One SMTP conversation, with every way it can end named. nodemailer's SMTPConnection is used
 * directly (not its transport) so we know how far the conversation got when it broke:
 *
 * - before the message was handed over (connecting, TLS, logging in): nothing was sent, so
 *   the message may safely be tried again (network trouble) or is failed (bad password, TLS);
 * - the server answered the message with 4xx: it did not take it; try again later;
 *   with 5xx: it will never take it; failed, with the server's words;
 * - the connection broke after the message was handed over, with no answer: the server may
 *   have it. That is `uncertain`, and it is never resent automatically (RFC 1047).
 */
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string | null;
  /** Extra TLS options (tests trust their own self-signed certificate). */
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean } | undefined;
  timeoutMs?: number | undefined;
}

export type SendOutcome =
  | { kind: 'sent'; response: string; accepted: string[] }
  | { kind: 'offline'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'uncertain'; reason: string };

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

const networkCodes = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function isTlsProblem(error: SmtpError): boolean {
  return (
    error.code === 'ETLS' ||
    /certificate|self[- ]signed|SSL|TLS|wrong version number|handshake/i.test(error.message)
  );
}

/**
 * A TLS failure in words: OpenSSL's "…:SSL routines:ssl3_get_record:wrong version number:
 * ../deps/openssl/…/ssl3_record.c:350:" becomes "wrong version number", with what it means.
 */
function tlsDetail(message: string): string {
  const plain = (/SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? message)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
  return /wrong version number|unknown protocol|packet length too long|http request/i.test(plain)
    ? `${plain} (the server does not speak TLS from the start on this port; it may expect "starttls", usually port 587)`
    : plain;
}

/** Plain words for what went wrong before anything was handed over. */
export function describeConnectionProblem(
  error: SmtpError,
  settings: SmtpSettings,
): Exclude<SendOutcome, { kind: 'sent' }> {
  const where = `${settings.host}:${settings.port}`;
  if (error.code === 'EAUTH' || error.responseCode === 535 || error.responseCode === 534) {
    return {
      kind: 'failed',
      reason: `The mail server did not accept the username or password (${error.response ?? error.message}).`,
    };
  }
  if (isTlsProblem(error)) {
    return {
      kind: 'failed',
      reason: `A secure (TLS) connection to ${where} could not be made: ${tlsDetail(error.message)}. Check the security setting and port.`,
    };
  }
  // Connected, but the server said nothing: it is waiting for a TLS hello that a plain
  // client never sends (a port 465 style server). Waiting would never change that.
  if (settings.security !== 'tls' && /Greeting never received/i.test(error.message)) {
    return {
      kind: 'failed',
      reason: `${where} sent no greeting: it may expect a secure (TLS) connection from the start (security "tls", usually port 465). Check the security setting and port.`,
    };
  }
  if (error.responseCode !== undefined && error.responseCode >= 400 && error.responseCode < 500) {
    return {
      kind: 'retry',
      reason: `The mail server asked to try later: ${error.response ?? error.message}`,
    };
  }
  if (error.responseCode !== undefined && error.responseCode >= 500) {
    return {
      kind: 'failed',
      reason: `The mail server refused: ${error.response ?? error.message}`,
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(`${error.code} ${error.message}`)) {
    return {
      kind: 'offline',
      reason: `The mail server ${settings.host} could not be found (no network, or a typing mistake in its name).`,
    };
  }
  if (/ECONNREFUSED/i.test(error.message)) {
    return {
      kind: 'offline',
      reason: `Nothing answered at ${where}: the server refused the connection.`,
    };
  }
  if (error.code !== undefined && networkCodes.has(error.code)) {
    return { kind: 'offline', reason: `The connection to ${where} failed: ${error.message}.` };
  }
  return { kind: 'offline', reason: `The connection to ${where} failed: ${error.message}.` };
}

function connectionFor(settings: SmtpSettings): SMTPConnection {
  const timeout = settings.timeoutMs ?? 30_000;
  return new SMTPConnection({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    ...(settings.tls ? { tls: settings.tls } : {}),
  });
}

/** An open, logged-in connection that sends messages one after another. */
export interface SmtpSession {
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<SendOutcome>;
  /**
   * False once the connection broke or the server said it is closing it (421): the next
   * message needs a fresh connection rather than being blamed on this one.
   */
  readonly usable: boolean;
  close(): void;
}

/**
 * Connects, secures and logs in. Fails with the reason when that cannot be done: nothing has
 * been handed over yet, so the caller may try again later.
 */
export function openSession(
  settings: SmtpSettings,
): Promise<
  | { ok: true; session: SmtpSession }
  | { ok: false; outcome: Exclude<SendOutcome, { kind: 'sent' }> }
> {
  return new Promise((resolve) => {
    const connection = connectionFor(settings);
    let broken: SmtpError | null = null;
    let opened = false;
    /** The send in progress hears about a broken connection through this. */
    let onBreak: ((error: SmtpError) => void) | null = null;
    const fail = (error: SmtpError) => {
      if (!opened) {
        opened = true;
        try {
          connection.close();
        } catch {
          // Already closed.
        }
        resolve({ ok: false, outcome: describeConnectionProblem(error, settings) });
        return;
      }
      broken = error;
      onBreak?.(error);
    };
    connection.on('error', fail);
    connection.on('end', () =>
      fail(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })),
    );
    let sent = 0;
    /** The server answered 421: it is closing the connection (RFC 5321 3.8). */
    let closing = false;
    const session: SmtpSession = {
      get usable() {
        return broken === null && !closing;
      },
      send(envelope, raw) {
        return new Promise<SendOutcome>((done) => {
          if (broken) {
            done(describeConnectionProblem(broken, settings));
            return;
          }
          let settled = false;
          const settle = (outcome: SendOutcome) => {
            if (settled) return;
            settled = true;
            onBreak = null;
            done(outcome);
          };
          onBreak = (error) => settle(classifySendError(error));
          const go = () =>
            connection.send(envelope, raw, (error, info) => {
              if ((error as SmtpError | null)?.responseCode === 421) closing = true;
              if (error) settle(classifySendError(error as SmtpError));
              else
                settle({
                  kind: 'sent',
                  response: info.response,
                  accepted: info.accepted.map(String),
                });
            });
          // Each message after the first starts a fresh mail transaction.
          if (sent++ === 0) go();
          else
            connection.reset((error) => {
              if (error) settle(describeConnectionProblem(error as SmtpError, settings));
              else go();
            });
        });
      },
      close() {
        try {
          if (broken) connection.close();
          else connection.quit();
        } catch {
          // Already closed.
        }
      },
    };
    connection.connect(() => {
      const ready = () => {
        opened = true;
        resolve({ ok: true, session });
      };
      if (!settings.username) return ready();
      connection.login({ user: settings.username, pass: settings.password ?? '' }, (error) => {
        if (error) fail(error as SmtpError);
        else ready();
      });
    });
  });
}

/** After the message was handed over: the server's answer decides, or nobody knows. */
function classifySendError(error: SmtpError): SendOutcome {
  if (error.responseCode !== undefined && error.responseCode >= 400 && error.responseCode < 500) {
    return {
      kind: 'retry',
      reason: `The mail server put it off: ${error.response ?? error.message}`,
    };
  }
  if (error.responseCode !== undefined && error.responseCode >= 500) {
    return {
      kind: 'failed',
      reason: `The mail server refused it: ${error.response ?? error.message}`,
    };
  }
  return {
    kind: 'uncertain',
    reason: `The connection broke while the message was being handed over (${error.message}); the server may have it.`,
  };
}

/** "Test connection": connect, secure and log in, then say plainly how it went. */
export async function verifyConnection(
  settings: SmtpSettings,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const opened = await openSession(settings);
  if (!opened.ok) return { ok: false, reason: opened.outcome.reason };
  opened.session.close();
  return { ok: true };
}
