import { describe, expect, it } from 'vitest';
import type { OutboxMessage, OutboxState } from '../../../shared/mail/outbox';
import { fileSize, groupOutbox, sendNowWords } from './outbox-view';

function message(id: number, state: OutboxState): OutboxMessage {
  return {
    id,
    customerId: 1,
    customerName: 'Harbour Café',
    itemId: null,
    occasion: null,
    messageId: `<${id}@goodwill>`,
    to: 'accounts@harbour.example',
    cc: [],
    subject: `Message ${id}`,
    state,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    response: null,
    createdAt: '2027-03-15T09:00:00.000Z',
    sentAt: null,
    attachments: [],
  };
}

describe('groupOutbox', () => {
  it('puts each state under its group, the most pressing first and the newest first', () => {
    const groups = groupOutbox([
      message(1, 'draft'),
      message(2, 'sent'),
      message(3, 'uncertain'),
      message(4, 'failed'),
      message(5, 'retrying'),
      message(6, 'sending'),
      message(7, 'draft'),
      message(8, 'cancelled'),
      message(9, 'sent'),
    ]);
    const ids = Object.fromEntries(groups.map((g) => [g.group.key, g.messages.map((m) => m.id)]));
    expect(ids).toEqual({
      needsYou: [3, 4, 7, 1],
      onItsWay: [6, 5],
      sent: [9, 2],
      cancelled: [8],
    });
  });

  it('gives every state a group', () => {
    const states: OutboxState[] = [
      'draft',
      'queued',
      'sending',
      'waiting',
      'retrying',
      'sent',
      'failed',
      'uncertain',
      'cancelled',
    ];
    const grouped = groupOutbox(states.map((state, i) => message(i + 1, state)));
    expect(grouped.reduce((n, g) => n + g.messages.length, 0)).toBe(states.length);
  });
});

describe('sendNowWords', () => {
  it('says what happened in a sentence', () => {
    expect(sendNowWords({ sent: 0, other: 0 })).toBe('Nothing was due to go just now.');
    expect(sendNowWords({ sent: 1, other: 0 })).toBe('Sent 1 message.');
    expect(sendNowWords({ sent: 2, other: 1 })).toBe(
      'Sent 2 messages; 1 message could not go yet: see below.',
    );
    expect(sendNowWords({ sent: 0, other: 3 })).toBe('3 messages could not go yet: see below.');
  });
});

describe('fileSize', () => {
  it('rounds to kilobytes, or megabytes past one', () => {
    expect(fileSize(100, 'en-GB')).toBe('1 KB');
    expect(fileSize(24_600, 'en-GB')).toBe('24 KB');
    expect(fileSize(1_300_000, 'en-GB')).toBe('1.2 MB');
  });
});
