/**
 * Never twice, under SIGKILL: headless mode sends 200 approved messages to a real SMTP server
 * (the sink, in this process) and is killed 20 times at moments taken from what is observed,
 * restarted each time, then left to finish. Afterwards every message is sent or uncertain, no
 * Message-ID reached the server twice, and every message marked sent did reach it.
 *
 * The kills, in turn:
 * - `handover`: inside the server's DATA handler, once the message has arrived and before the
 *   250 answer leaves: the RFC 1047 window, where the server has it and the sender cannot know;
 * - `received`: a random moment within about one message's time after an arrival, so between
 *   the 250 and the commit of `sent`, or between that commit and the next claim;
 * - `listening`: a random moment after the address line, within the first few messages' time
 *   (the worker starts before the HTTP server, so this lands in the first messages of a run);
 * - `starting`: a random moment of start-up, timed from the spawn (migrations checked, the
 *   backup, `sending` rows turned `uncertain`).
 * Targets are drawn so each run sends only a share of what is left, so the last kill still
 * lands mid-send. The processes run the sources through tsx (see electron/testing/
 * headless-process.ts); the ledger is prepared in this process through the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxState } from '../../shared/mail/outbox';
import { databaseFileName } from '../paths';
import {
  killAllHeadless,
  killHard,
  spawnHeadless,
  stopCleanly,
  withTimeout,
  type HeadlessChild,
} from '../testing/headless-process';
import { startLedgerApp } from '../testing/ledger-app';
import { approvedReminders, sinkAccount } from '../testing/mail-fixture';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';

/** A Monday, 10:00 in London: inside the default contact window, so everything is due now. */
const now = '2027-03-15T10:00:00Z';
const messageCount = 200;
const killPlan = Array.from({ length: 5 }, () => [
  'handover',
  'received',
  'listening',
  'starting',
]).flat() as ('handover' | 'received' | 'listening' | 'starting')[];
const processTimeoutMs = 60_000;
const pollMs = 10;

let root = '';
let dataDir = '';
let sink: SmtpSink;
/** What the sink's DATA handler does before it answers (the `handover` kills). */
let atHandover: ((count: number) => Promise<void>) | null = null;
const arrivals: number[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

/** Read-only, so this process never checkpoints or removes the WAL a killed process left. */
function readOutbox(): { id: number; state: OutboxState; message_id: string }[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, state, message_id FROM outbox ORDER BY id').all() as {
      id: number;
      state: OutboxState;
      message_id: string;
    }[];
  } finally {
    db.close();
  }
}

const unfinished = () =>
  readOutbox().filter((row) => !['sent', 'uncertain'].includes(row.state)).length;

/** Resolves once nothing is left to send or being sent (or the process has gone). */
async function untilIdle(headless: HeadlessChild): Promise<void> {
  let gone = false;
  void headless.exited.then(() => (gone = true));
  while (!gone && unfinished() > 0) await sleep(pollMs);
}

describe('the outbox under SIGKILL', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'goodwill-outbox-crash-'));
    dataDir = join(root, 'ledger');
    sink = await startSmtpSink({
      keepRaw: false,
      async beforeAnswer(_message, count) {
        arrivals.push(performance.now());
        await atHandover?.(count);
      },
    });
    const ledger = await startLedgerApp(dataDir, now);
    try {
      await ledger.ok('mail.updateAccount', sinkAccount(sink.port));
      const { messages } = await approvedReminders(ledger, messageCount);
      expect(messages.map((m) => m.state)).toEqual(Array(messageCount).fill('queued'));
    } finally {
      await ledger.app.close();
    }
  }, 180_000);

  afterAll(async () => {
    killAllHeadless();
    await sink?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('sends each message at most once, whatever moment the process dies', async () => {
    const log: string[] = [];
    // Measured as the runs go (first guesses until then).
    const startups: number[] = [];
    const firstSends: number[] = [];
    const gaps: number[] = [];
    let cutWhileSending = 0;

    for (const [index, kind] of killPlan.entries()) {
      const before = sink.received.length;
      // A run killed before its start-up turned them uncertain leaves the last run's claims.
      const claimedBefore = new Set(
        readOutbox()
          .filter((row) => row.state === 'sending')
          .map((row) => row.id),
      );
      const arrivalsBefore = arrivals.length;
      const left = unfinished();
      // Each run may send about its share of what is left, so later kills still find work.
      const share = Math.max(1, Math.floor(left / (killPlan.length - index + 1)));
      const perMessageMs = median(gaps) || 10;
      const headless = spawnHeadless(dataDir, { GOODWILL_NOW: now });
      let listenedAt: number | null = null;
      void headless.listening.then(
        () => {
          listenedAt = performance.now();
          startups.push(listenedAt - headless.spawnedAt);
        },
        // Killed before it listened: a `starting` kill.
        () => undefined,
      );
      let moment: string;
      if (kind === 'starting') {
        const startupMs = median(startups) || 1500;
        const offset = startupMs * (0.3 + 0.7 * Math.random());
        await sleep(offset);
        moment = `+${offset.toFixed(0)} ms after spawn`;
      } else if (kind === 'listening') {
        await withTimeout(headless.listening, processTimeoutMs, 'the address line');
        const offset = Math.random() * ((median(firstSends) || 150) + share * perMessageMs);
        await sleep(offset);
        moment = `+${offset.toFixed(0)} ms after the address line`;
      } else {
        const target = before + 1 + Math.floor(Math.random() * share);
        if (kind === 'handover') {
          const killed = new Promise<void>((resolve) => {
            atHandover = async (count) => {
              if (count < target) return;
              atHandover = null;
              headless.child.kill('SIGKILL');
              await headless.exited;
              resolve();
            };
          });
          await Promise.race([killed, untilIdle(headless)]);
          moment = `message ${target - before} of the run arrived, before its 250`;
        } else {
          await Promise.race([sink.waitForCount(target), untilIdle(headless)]);
          const offset = Math.random() * perMessageMs * 1.5;
          await sleep(offset);
          moment = `+${offset.toFixed(1)} ms after message ${target - before} of the run arrived`;
        }
      }
      atHandover = null;
      await killHard(headless);

      // What this run did, read from the outside.
      const runArrivals = arrivals.slice(arrivalsBefore);
      for (let i = 1; i < runArrivals.length; i += 1) {
        gaps.push(runArrivals[i]! - runArrivals[i - 1]!);
      }
      if (runArrivals.length && listenedAt !== null && runArrivals[0]! > listenedAt) {
        firstSends.push(runArrivals[0]! - listenedAt);
      }
      // Claimed by this run and never recorded: the kill cut a send.
      const cut = readOutbox().filter(
        (row) => row.state === 'sending' && !claimedBefore.has(row.id),
      ).length;
      if (cut > 0) cutWhileSending += 1;
      log.push(
        `kill ${String(index + 1).padStart(2)} ${kind.padEnd(9)} ${moment}: ` +
          `${sink.received.length - before} arrived, ${cut} cut mid-send, ${unfinished()} unfinished`,
      );
    }

    // The last start: let it finish, then stop it cleanly.
    const last = spawnHeadless(dataDir, { GOODWILL_NOW: now });
    await withTimeout(last.listening, processTimeoutMs, 'the address line');
    await withTimeout(untilIdle(last), processTimeoutMs, 'the outbox to empty');
    await stopCleanly(last);

    const rows = readOutbox();
    const context = log.join('\n');
    const arrivedIds = sink.received.map((r) => r.messageId);
    const arrivedOnce = new Set(arrivedIds);
    const twice = arrivedIds.filter((id, i) => arrivedIds.indexOf(id) !== i);
    const sent = rows.filter((r) => r.state === 'sent');
    const uncertain = rows.filter((r) => r.state === 'uncertain');
    const uncertainArrived = uncertain.filter((r) => arrivedOnce.has(r.message_id));
    const report = [
      ...log,
      `${messageCount} messages, ${killPlan.length} kills (${cutWhileSending} while a message was being sent): ` +
        `${sent.length} sent, ${uncertain.length} uncertain (${uncertainArrived.length} of them reached the server, ` +
        `${uncertain.length - uncertainArrived.length} did not), ${arrivedIds.length} arrivals, ${twice.length} Message-IDs twice; ` +
        `start-up ${median(startups).toFixed(0)} ms, ${median(gaps).toFixed(1)} ms a message`,
    ];
    console.info(`outbox crash test:\n  ${report.join('\n  ')}`);

    expect(rows, context).toHaveLength(messageCount);
    expect(
      rows.filter((r) => r.state !== 'sent' && r.state !== 'uncertain'),
      context,
    ).toEqual([]);
    expect(twice, context).toEqual([]);
    const ours = new Set(rows.map((r) => r.message_id));
    expect(
      arrivedIds.filter((id) => !ours.has(id)),
      context,
    ).toEqual([]);
    expect(
      sent.filter((r) => !arrivedOnce.has(r.message_id)).map((r) => r.id),
      context,
    ).toEqual([]);
    // The kills did land mid-send, and in the window where the server had the message.
    expect(cutWhileSending, context).toBeGreaterThan(0);
    expect(uncertainArrived.length, context).toBeGreaterThan(0);
  }, 240_000);
});
