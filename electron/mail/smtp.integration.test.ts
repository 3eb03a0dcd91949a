/**
 * The outbox against a real SMTP server (smtp-server on 127.0.0.1, electron/testing/smtp-sink)
 * with TLS on a certificate made for the test and a login: what arrives is exactly what was
 * approved and kept; each answer a server can give (421, 451, 550, a wrong password, the wrong
 * kind of TLS, a connection dropped after the message was handed over, nobody listening, a
 * name that does not resolve) ends in the state the owner should see, with a reason in words;
 * bad input writes nothing; and the password never shows up anywhere it could leak.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import type { MailAccountView } from '../../shared/api/mail';
import type { OutboxMessage, OutboxMessageDetail } from '../../shared/mail/outbox';
import { startLedgerApp } from '../testing/ledger-app';
import { approvedReminders, sinkAccount } from '../testing/mail-fixture';
import { mimeParts } from '../testing/mime-parts';
import { pdfPages } from '../testing/pdf-text';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../testing/smtp-sink';
import { useTempDirs } from '../testing/temp-dir';
import { selfSignedCertificate, type TestCertificate } from '../testing/tls-certificate';
import { headlessSecretStore, safeStorageSecretStore, type SecretStore } from './secret-store';
import { verifyConnection } from './smtp-send';

const now = '2027-03-15T10:00:00Z';
const user = 'owner@brook.example';
const password = 'c0rrect-Horse_battery!staple';

const tempDir = useTempDirs();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

let certificate: TestCertificate;
beforeAll(() => {
  certificate = selfSignedCertificate();
});

async function sink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const started = await startSmtpSink(options);
  open.push(started);
  return started;
}

const tlsSink = (options: SmtpSinkOptions = {}) =>
  sink({
    tls: { mode: 'implicit', key: certificate.key, cert: certificate.cert },
    auth: { user, pass: password },
    ...options,
  });

/** A ledger whose app trusts the test certificate, with `count` approved reminders queued. */
async function ledgerWith(
  account: Record<string, unknown> | null,
  count = 1,
  options: { secrets?: SecretStore; trust?: boolean } = {},
) {
  const dataDir = await tempDir();
  const ledger = await startLedgerApp(dataDir, now, {
    ...(options.trust === false ? {} : { mailTls: { ca: certificate.cert } }),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  open.push(ledger.app);
  if (account) await ledger.ok('mail.updateAccount', account);
  const { messages } = await approvedReminders(ledger, count);
  const list = async () =>
    (await ledger.ok<OutboxMessage[]>('outbox.list', { limit: 1000 })).reverse();
  const one = async (id: number) => ledger.ok<OutboxMessageDetail>('outbox.get', { id });
  return { ...ledger, dataDir, messages, list, one };
}

/** A port on this computer where nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Line breaks as the letter was written (the wire form has CRLF). */
const lf = (value: string) => value.replace(/\r\n/g, '\n').replace(/\n+$/, '');

describe('sending over SMTP', () => {
  it('sends over TLS with a login: the exact subject, text, invoice PDF and Message-ID, and keeps the bytes that went', async () => {
    const server = await tlsSink();
    const { ok, one, messages, app } = await ledgerWith(
      sinkAccount(server.port, { security: 'tls', username: user, password }),
    );
    const [queued] = messages;
    const approved = await one(queued!.id);
    expect(approved).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await ok('mail.testConnection', {})).toEqual({ ok: true });

    expect(await app.outbox.drain()).toEqual({ sent: 1, other: 0 });
    expect(server.received).toHaveLength(1);
    const [got] = server.received;
    expect(got).toMatchObject({
      user,
      from: 'owner@brook.example',
      to: ['accounts@alder.example'],
      messageId: approved.messageId,
    });

    const { headers, parts } = mimeParts(got!.raw);
    expect(headers).toContain(`\r\nSubject: ${approved.subject}\r\n`);
    expect(headers).toMatch(new RegExp(`^Message-ID: ${approved.messageId}$`, 'm'));
    expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html', 'application/pdf']);
    expect(lf(parts[0]!.body.toString('utf8'))).toBe(lf(approved.text));
    expect(lf(parts[1]!.body.toString('utf8'))).toBe(lf(approved.html));

    const pdf = parts[2]!;
    expect(pdf.fileName).toBe('Invoice INV-0001 - Alder & Co.pdf');
    const kept = app.connection.sqlite
      .prepare('SELECT raw FROM outbox WHERE id = ?')
      .pluck()
      .get(queued!.id) as Buffer;
    const attachment = app.connection.sqlite
      .prepare('SELECT content FROM outbox_attachments WHERE outbox_id = ?')
      .pluck()
      .get(queued!.id) as Buffer;
    expect(pdf.body.equals(attachment)).toBe(true);
    expect((await pdfPages(pdf.body)).join('\n')).toMatch(/INV-0001[\s\S]*Alder & Co/);
    // What the customer's timeline keeps is byte for byte what the server received.
    expect(kept.equals(got!.raw)).toBe(true);

    const sent = await one(queued!.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, response: '250 Queued as 1' });
    expect(sent.sentAt).toBe(now.replace('Z', '.000Z'));
    // Sent is final: another round sends nothing.
    expect(await app.outbox.drain()).toEqual({ sent: 0, other: 0 });
    expect(server.received).toHaveLength(1);
  });

  it('upgrades with STARTTLS before logging in', async () => {
    const server = await sink({
      tls: { mode: 'starttls', key: certificate.key, cert: certificate.cert },
      auth: { user, pass: password },
    });
    const { ok, app, one, messages } = await ledgerWith(
      sinkAccount(server.port, { security: 'starttls', username: user, password }),
    );
    expect(await ok('mail.testConnection', {})).toEqual({ ok: true });
    await app.outbox.drain();
    expect(await one(messages[0]!.id)).toMatchObject({ state: 'sent' });
    expect(server.received.map((r) => r.user)).toEqual([user]);
  });

  it('puts a message off on 421 and 451, and sends it after the backoff (1 then 5 minutes)', async () => {
    const server = await sink();
    const { clock, app, one, messages } = await ledgerWith(sinkAccount(server.port));
    const id = messages[0]!.id;
    server.script.push(421, 451);

    await app.outbox.drain();
    let message = await one(id);
    expect(message).toMatchObject({
      state: 'retrying',
      attempts: 1,
      nextAttemptAt: '2027-03-15T10:01:00.000Z',
    });
    expect(message.lastError).toMatch(/421 Try again later/);
    // Not due yet: nothing happens.
    clock.set('2027-03-15T10:00:59Z');
    expect(await app.outbox.drain()).toEqual({ sent: 0, other: 0 });

    clock.set('2027-03-15T10:01:00Z');
    await app.outbox.drain();
    message = await one(id);
    expect(message).toMatchObject({
      state: 'retrying',
      attempts: 2,
      nextAttemptAt: '2027-03-15T10:06:00.000Z',
    });
    expect(message.lastError).toMatch(/451 Try again later/);

    clock.set('2027-03-15T10:06:30Z');
    expect(await app.outbox.drain()).toEqual({ sent: 1, other: 0 });
    message = await one(id);
    expect(message).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(server.received.map((r) => r.messageId)).toEqual([message.messageId]);
  });

  it('after a 421 closes the connection, sends the next message on a fresh one', async () => {
    const server = await sink();
    const { app, list } = await ledgerWith(sinkAccount(server.port), 3);
    server.script.push(421);
    expect(await app.outbox.drain()).toEqual({ sent: 2, other: 1 });
    const states = (await list()).map((m) => [m.state, m.attempts]);
    expect(states).toEqual([
      ['retrying', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('retries when the server refuses the greeting with 421, handing nothing over', async () => {
    const server = await sink({ refuseGreeting: 421 });
    const { app, one, messages } = await ledgerWith(sinkAccount(server.port));
    await app.outbox.drain();
    const message = await one(messages[0]!.id);
    expect(message).toMatchObject({ state: 'retrying', attempts: 1 });
    expect(message.lastError).toMatch(/asked to try later: 421 Too busy, come back later/);
  });

  it('fails a 550 at once, with the server’s words, and never tries it again', async () => {
    const server = await sink();
    const { app, one, messages, app: core } = await ledgerWith(sinkAccount(server.port));
    server.script.push(550);
    expect(await app.outbox.drain()).toEqual({ sent: 0, other: 1 });
    const message = await one(messages[0]!.id);
    expect(message).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    expect(message.lastError).toBe('The mail server refused it: 550 Rejected for policy reasons');
    expect(await app.outbox.drain()).toEqual({ sent: 0, other: 0 });
    const events = core.connection.sqlite
      .prepare("SELECT summary FROM events WHERE kind = 'outbox.failed'")
      .pluck()
      .all();
    expect(events).toEqual([
      'An email could not be sent: The mail server refused it: 550 Rejected for policy reasons',
    ]);
    expect(server.received).toEqual([]);
  });

  it('holds the queue on a wrong password with a clear reason; testConnection says so; the right one sends it', async () => {
    const server = await tlsSink();
    const { ok, app, one, messages } = await ledgerWith(
      sinkAccount(server.port, { security: 'tls', username: user, password: 'wrong-password' }),
    );
    const tested = await ok<{ ok: boolean; reason?: string }>('mail.testConnection', {});
    expect(tested.ok).toBe(false);
    expect(tested.reason).toMatch(
      /^The mail server did not accept the username or password \(535 .*Authentication credentials invalid\)\.$/,
    );
    await app.outbox.drain();
    const message = await one(messages[0]!.id);
    // The account is at fault, not the message: it waits, its tries not used up.
    expect(message).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(message.lastError).toBe(tested.reason);
    expect(server.logins).toEqual([
      { user, ok: false },
      { user, ok: false },
    ]);

    await ok(
      'mail.updateAccount',
      sinkAccount(server.port, { security: 'tls', username: user, password }),
    );
    expect(await ok('mail.testConnection', {})).toEqual({ ok: true });
    // Putting the account right makes the waiting message due at once.
    await app.outbox.drain();
    expect(await one(messages[0]!.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('says TLS is the trouble: tls against a plain server, starttls where none is offered, an untrusted certificate', async () => {
    const plain = await sink();
    const tlsReason = new RegExp(
      `^A secure \\(TLS\\) connection to 127\\.0\\.0\\.1:${plain.port} could not be made: .+\\. Check the security setting and port\\.$`,
    );
    for (const security of ['tls', 'starttls'] as const) {
      const { ok, app, one, messages } = await ledgerWith(sinkAccount(plain.port, { security }));
      const tested = await ok<{ ok: boolean; reason?: string }>('mail.testConnection', {});
      expect(tested.reason, security).toMatch(tlsReason);
      await app.outbox.drain();
      const message = await one(messages[0]!.id);
      // The account's fault: the message waits for it to be put right.
      expect(message.state, security).toBe('waiting');
      expect(message.lastError, security).toMatch(tlsReason);
    }

    const secure = await tlsSink();
    const untrusted = await ledgerWith(
      sinkAccount(secure.port, { security: 'tls', username: user, password }),
      1,
      { trust: false },
    );
    await untrusted.app.outbox.drain();
    const message = await untrusted.one(untrusted.messages[0]!.id);
    expect(message.state).toBe('waiting');
    expect(message.lastError).toMatch(/secure \(TLS\) connection .*self[- ]signed certificate/);
    expect(plain.received).toEqual([]);
    expect(secure.received).toEqual([]);
  });

  it('says TLS is the trouble when a plain connection meets a port that speaks TLS from the start', async () => {
    const secure = await tlsSink();
    for (const security of ['none', 'starttls'] as const) {
      const result = await verifyConnection({
        host: '127.0.0.1',
        port: secure.port,
        security,
        username: user,
        password,
        tls: { ca: certificate.cert },
        // The server waits for a TLS hello and the client for a greeting: only a timeout ends it.
        timeoutMs: 500,
      });
      expect(result, security).toEqual({
        ok: false,
        reason: `127.0.0.1:${secure.port} sent no greeting: it may expect a secure (TLS) connection from the start (security "tls", usually port 465). Check the security setting and port.`,
      });
    }
  });

  it('leaves a message uncertain when the connection drops after it was handed over; never resent until the owner says', async () => {
    const server = await sink();
    const { ok, call, app, one, messages } = await ledgerWith(sinkAccount(server.port), 2);
    const [first, second] = messages as [OutboxMessage, OutboxMessage];
    server.script.push('drop', 'drop');
    await app.outbox.drain();
    await app.outbox.drain();
    for (const { id } of [first, second]) {
      const message = await one(id);
      expect(message.state).toBe('uncertain');
      expect(message.lastError).toMatch(/connection broke while the message was being handed over/);
    }
    for (let round = 0; round < 3; round += 1) await app.outbox.drain();
    expect(server.received.map((r) => r.messageId)).toEqual([first.messageId, second.messageId]);
    // Retry and cancel are not for uncertain messages: only the owner's answer moves them.
    const retried = (await call('outbox.retry', { id: first.id })) as ApiResult<unknown>;
    expect(retried.ok ? null : retried.error.code).toBe('conflict');

    // "It was sent": final, nothing more goes.
    await ok('outbox.resolve', { id: first.id, outcome: 'was_sent' });
    expect(await one(first.id)).toMatchObject({ state: 'sent' });
    // "Send it again": the owner checked their Sent folder; it goes once more.
    await ok('outbox.resolve', { id: second.id, outcome: 'send_again' });
    await app.outbox.drain();
    expect(await one(second.id)).toMatchObject({ state: 'sent' });
    expect(server.received.map((r) => r.messageId)).toEqual([
      first.messageId,
      second.messageId,
      second.messageId,
    ]);
  });

  it('waits while nothing answers, without using up tries, and sends once the server is back', async () => {
    const port = await closedPort();
    const { clock, app, list } = await ledgerWith(sinkAccount(port), 3);
    await app.outbox.drain();
    let messages = await list();
    expect(messages[0]).toMatchObject({
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: '2027-03-15T10:01:00.000Z',
      lastError: `Nothing answered at 127.0.0.1:${port}: the server refused the connection.`,
    });
    // One failed connection is enough to know: the others wait their turn, untouched.
    expect(messages.slice(1).map((m) => [m.state, m.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
    ]);

    const server = await sink({ port });
    clock.set('2027-03-15T10:01:00Z');
    expect(await app.outbox.drain()).toEqual({ sent: 3, other: 0 });
    messages = await list();
    expect(messages.map((m) => [m.state, m.attempts, m.lastError])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null],
      ['sent', 1, null],
    ]);
    expect(server.received).toHaveLength(3);
  });

  it('waits, with a reason naming the server, when its name does not resolve', async () => {
    const { ok, app, one, messages } = await ledgerWith({
      ...sinkAccount(587, { host: 'nonexistent.invalid', security: 'starttls' }),
    });
    const tested = await ok<{ ok: boolean; reason?: string }>('mail.testConnection', {});
    const reason =
      'The mail server nonexistent.invalid could not be found (no network, or a typing mistake in its name).';
    expect(tested).toEqual({ ok: false, reason });
    await app.outbox.drain();
    expect(await one(messages[0]!.id)).toMatchObject({
      state: 'waiting',
      attempts: 0,
      lastError: reason,
    });
  });

  it('refuses malformed addresses, line breaks in headers and unencrypted remote servers, writing nothing', async () => {
    const server = await sink();
    const { call, fingerprint, messages } = await ledgerWith(sinkAccount(server.port));
    const good = sinkAccount(server.port);
    const refusals: [Record<string, unknown>, string][] = [
      [{ ...good, fromAddress: 'owner at brook' }, 'fromAddress'],
      [{ ...good, fromAddress: 'owner@brook.example\r\nBcc: all@example.com' }, 'fromAddress'],
      [{ ...good, replyTo: 'replies@' }, 'replyTo'],
      [{ ...good, replyTo: 'a@b.example\nBcc: all@example.com' }, 'replyTo'],
      [{ ...good, fromName: 'Brook\r\nBcc: all@example.com' }, 'fromName'],
      [{ ...good, host: 'smtp.example.com\r\nRCPT TO:<x@example.com>' }, 'host'],
      [{ ...good, username: 'owner\nx' }, 'username'],
      [{ ...good, host: 'smtp.example.com', security: 'none' }, 'security'],
      [{ ...good, host: '127.0.0.1.nip.io', security: 'none' }, 'security'],
      [{ ...good, port: 70000 }, 'port'],
    ];
    const before = fingerprint();
    for (const [input, field] of refusals) {
      const result = (await call('mail.updateAccount', input)) as ApiResult<unknown>;
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error, JSON.stringify(input)).toMatchObject({ code: 'invalid_input', field });
    }
    for (const subject of [
      'Hello\r\nBcc: victim@example.com',
      'Hello\nX-Injected: 1',
      'Hi\rthere',
    ]) {
      const result = (await call('outbox.edit', {
        id: messages[0]!.id,
        subject,
        text: 'New words.',
      })) as ApiResult<unknown>;
      expect(result.ok ? null : result.error, subject).toMatchObject({
        code: 'invalid_input',
        field: 'subject',
      });
    }
    expect(fingerprint()).toBe(before);
  });

  it('sends a body with a lone dot and SMTP commands as text: one message, nothing smuggled', async () => {
    const server = await sink();
    const { ok, app, messages } = await ledgerWith(sinkAccount(server.port));
    const text =
      'Hello,\r\n.\r\nMAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>\r\nDATA\r\nSubject: smuggled\r\n\r\n.\r\nThanks';
    await ok('outbox.edit', { id: messages[0]!.id, subject: 'About your invoice', text });
    await app.outbox.drain();
    expect(server.received).toHaveLength(1);
    const { parts } = mimeParts(server.received[0]!.raw);
    expect(lf(parts[0]!.body.toString('utf8'))).toBe(lf(text));
    expect(server.received[0]!.to).toEqual(['accounts@alder.example']);
  });

  it('never lets the password out: not in mail.account, the database, the timeline, backups or logs', async () => {
    const server = await tlsSink();
    // The desktop store seals it with the OS key store; a stand-in with a key of its own here.
    const key = randomBytes(32);
    const fakeSafeStorage = {
      isEncryptionAvailable: () => true,
      encryptString(plain: string) {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
      },
      decryptString(sealed: Buffer) {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
        decipher.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString(
          'utf8',
        );
      },
    };
    const wrong = 'Wr0ng-but-also-Secret';
    for (const secrets of [headlessSecretStore({}), safeStorageSecretStore(fakeSafeStorage)]) {
      const ledger = await ledgerWith(
        sinkAccount(server.port, { security: 'tls', username: user, password: wrong }),
        2,
        { secrets },
      );
      const { ok, app, log, dataDir } = ledger;
      const views = [await ok<MailAccountView>('mail.account', {})];
      await ok('mail.testConnection', {});
      await app.outbox.drain();
      views.push(
        await ok<MailAccountView>(
          'mail.updateAccount',
          sinkAccount(server.port, { security: 'tls', username: user, password }),
        ),
      );
      await ok('mail.testConnection', {});
      // The message waited on the account; with the account put right it goes.
      await app.outbox.drain();
      views.push(await ok<MailAccountView>('mail.account', {}));
      expect(views.map((v) => v.passwordSet)).toEqual([true, true, true]);
      expect((await ledger.list()).map((m) => m.state)).toEqual(['sent', 'sent']);

      const readable = [
        JSON.stringify(views),
        JSON.stringify(app.connection.sqlite.prepare('SELECT * FROM events').all()),
        JSON.stringify(await ledger.list()),
        log.lines.join('\n'),
      ].join('\n');
      await app.backups.beforeMigration('password-check');
      await app.close();
      const files: Buffer[] = [];
      for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) files.push(await readFile(join(entry.parentPath, entry.name)));
      }
      expect(files.length).toBeGreaterThanOrEqual(2);
      const everything = Buffer.concat([Buffer.from(readable), ...files]);
      // As typed, and as the SMTP logins carry it (AUTH PLAIN, AUTH LOGIN).
      for (const secret of [password, wrong]) {
        for (const form of [
          secret,
          Buffer.from(secret).toString('base64'),
          Buffer.from(`\0${user}\0${secret}`).toString('base64'),
          Buffer.from(secret).toString('hex'),
        ]) {
          expect(everything.includes(form), `${secrets.storage}: ${form}`).toBe(false);
        }
      }
    }
  });
});
