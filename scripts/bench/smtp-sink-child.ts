/**
 * The test SMTP sink (electron/testing/smtp-sink.ts) as a process of its own, so a benchmark
 * measures its client without the server sharing its event loop. Prints `listening <port>`;
 * answers `count` on stdin with `count <arrivals> <distinct Message-IDs>`, and `reset` (forget
 * what arrived) with `count 0 0`; closes at stdin's end.
 * Keeps only each message's Message-ID, not its bytes.
 */
import { createInterface } from 'node:readline';
import { startSmtpSink } from '../../electron/testing/smtp-sink';

const sink = await startSmtpSink({ keepRaw: false });
console.log(`listening ${sink.port}`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = line.trim();
  if (command === 'reset') sink.received.length = 0;
  else if (command !== 'count') return;
  const ids = sink.received.map((message) => message.messageId);
  console.log(`count ${ids.length} ${new Set(ids).size}`);
});
lines.on('close', () => {
  void sink.close().then(() => process.exit(0));
});
