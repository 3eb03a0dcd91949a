/** Messages on their way out, as the Outbox screen shows them. */
export const outboxStates = [
  'draft',
  'queued',
  'sending',
  'waiting',
  'retrying',
  'sent',
  'failed',
  'uncertain',
  'cancelled',
] as const;
/**
 * draft: no account set up; goes out from the owner's own mail program (.eml) and is marked
 * sent when they say so. waiting: offline or the server unreachable; tried again shortly.
 * retrying: the server put it off (4xx). uncertain: the connection broke while the server
 * had the message; never resent without the owner's word.
 */
export type OutboxState = (typeof outboxStates)[number];

export interface OutboxAttachment {
  fileName: string;
  contentType: string;
  size: number;
}

export interface OutboxMessage {
  id: number;
  customerId: number;
  customerName: string;
  itemId: number | null;
  occasion: string | null;
  messageId: string;
  to: string;
  cc: string[];
  subject: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  /** The server's words or our reason, for failed, retrying, waiting and uncertain. */
  lastError: string | null;
  /** The server's 250 reply, once sent. */
  response: string | null;
  createdAt: string;
  sentAt: string | null;
  attachments: OutboxAttachment[];
}

export interface OutboxMessageDetail extends OutboxMessage {
  text: string;
  html: string;
}
